package dev.streamer.samples;

/** Result of {@code export_records}: where the export is, its rows, and the attempt that produced it. */
public record ExportResult(String exportId, String url, int rows, int attempt) {}
