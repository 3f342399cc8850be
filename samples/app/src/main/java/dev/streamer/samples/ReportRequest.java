package dev.streamer.samples;

import dev.streamer.annotations.Max;
import dev.streamer.annotations.Min;
import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Pattern;

/** Payload of {@code generate_report}. */
public record ReportRequest(
    @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String startDate,
    @NotBlank @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String endDate,
    @Min(1) @Max(1_000_000) int recordCount,
    ReportFormat format) {}
