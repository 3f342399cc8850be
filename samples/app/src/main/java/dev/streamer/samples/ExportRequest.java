package dev.streamer.samples;

import dev.streamer.annotations.Max;
import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotBlank;

/** Payload of {@code export_records}: which dataset, and how many rows (1,000 rows per step of work). */
public record ExportRequest(@NotBlank String dataset, @Min(1) @Max(10_000_000) int rows) {}
