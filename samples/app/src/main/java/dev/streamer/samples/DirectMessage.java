package dev.streamer.samples;

import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Size;

/** Payload of {@code direct_message}: a user of the caller's tenant, and the text. */
public record DirectMessage(@NotBlank @Size(max = 200) String userId, @NotBlank @Size(max = 1000) String text) {}
