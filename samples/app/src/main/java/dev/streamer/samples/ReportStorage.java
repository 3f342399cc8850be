package dev.streamer.samples;

/** Where finished reports go. A dependency of {@link Reports}, supplied through {@link SampleHandlerFactory}. */
public interface ReportStorage {

  /** Stores a report and returns its URL. */
  String store(String reportId, ReportFormat format, int recordCount);

  /** Pretends to store reports in a bucket; the sample has no AWS account to write to. */
  static ReportStorage bucket(String bucket) {
    return (reportId, format, recordCount) ->
        "s3://" + bucket + "/reports/" + reportId + "." + format.name().toLowerCase(java.util.Locale.ROOT);
  }
}
