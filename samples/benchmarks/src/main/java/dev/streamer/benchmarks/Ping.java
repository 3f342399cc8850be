package dev.streamer.benchmarks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The small payload. */
public record Ping(@NotBlank @Size(max = 100) String message, int sequence) {}
