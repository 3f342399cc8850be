package dev.streamer.samples;

import dev.streamer.annotations.Action;
import dev.streamer.core.FatalException;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.protocol.ErrorCode;
import java.time.Clock;
import java.util.Objects;

/**
 * A slow action: estimated at two minutes, over the 5-second threshold, so it is queued, acknowledged at once, and
 * run by the stream processor, which pushes progress and then the result to the caller's connection.
 */
public final class Reports {

  /** Work is simulated in at most this many steps, so the demo shows a moving progress bar. */
  static final int MAX_STEPS = 40;
  /** Rows an export works through per step. */
  static final int ROWS_PER_STEP = 1_000;

  private final ReportStorage storage;
  private final Clock clock;
  private final long stepMillis;

  /** Constructor with dependencies: see {@link SampleHandlerFactory}. */
  public Reports(ReportStorage storage, Clock clock, long stepMillis) {
    this.storage = Objects.requireNonNull(storage, "storage");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stepMillis = stepMillis;
  }

  @Action(estimated = "2m", description = "Generates a report over a date range, reporting progress as it goes.",
      rateLimit = "1000/1m", tenantRateLimit = "10000/1m")
  public ReportResult generateReport(ReportRequest request, Progress progress, RequestContext context)
      throws InterruptedException {
    if (request.startDate().compareTo(request.endDate()) > 0) {
      throw new FatalException(ErrorCode.VALIDATION_ERROR, "startDate must not be after endDate");
    }
    int steps = Math.min(request.recordCount(), MAX_STEPS);
    for (int step = 1; step <= steps; step++) {
      if (progress.isCancelled()) {
        throw new FatalException(ErrorCode.CANCELLED, "report cancelled");
      }
      Thread.sleep(stepMillis);
      int done = (int) ((long) request.recordCount() * step / steps);
      progress.report((double) step / steps, "Processed " + done + " of " + request.recordCount() + " records");
    }
    ReportFormat format = request.format() == null ? ReportFormat.CSV : request.format();
    String url = storage.store(context.requestId(), format, request.recordCount());
    return new ReportResult(context.requestId(), url, request.recordCount(), format, clock.instant());
  }

  /**
   * A long, heavy action: each request runs in its own worker invocation ({@code isolated}), so a ten-minute export
   * never holds up the jobs queued after it on the same stream shard. Works through the rows 1,000 per step.
   */
  @Action(estimated = "10m", isolated = true,
      description = "Exports a dataset in its own worker, reporting progress as it goes.")
  public ExportResult exportRecords(ExportRequest request, Progress progress, RequestContext context)
      throws InterruptedException {
    int steps = (request.rows() + ROWS_PER_STEP - 1) / ROWS_PER_STEP;
    for (int step = 1; step <= steps; step++) {
      if (progress.isCancelled()) {
        throw new FatalException(ErrorCode.CANCELLED, "export cancelled");
      }
      Thread.sleep(stepMillis);
      progress.report((double) step / steps, "Exported " + Math.min(request.rows(), step * ROWS_PER_STEP) + " of "
          + request.rows() + " rows");
    }
    String url = storage.store(context.requestId(), ReportFormat.CSV, request.rows());
    return new ExportResult(context.requestId(), url, request.rows(), context.attempt());
  }
}
