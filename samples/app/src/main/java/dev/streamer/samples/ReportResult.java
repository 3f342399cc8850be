package dev.streamer.samples;

import java.time.Instant;

/** Result of {@code generate_report}. */
public record ReportResult(String reportId, String url, int recordCount, ReportFormat format, Instant generatedAt) {}
