package dev.streamer.samples;

import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Size;

/** Payload of {@code echo}. */
public record EchoRequest(@NotBlank @Size(max = 1000) String message) {}
