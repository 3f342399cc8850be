package dev.streamer.samples;

import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Size;

/** Payload of {@code announce}. */
public record AnnounceRequest(@NotBlank @Size(max = 1000) String text) {}
