package dev.streamer.runtime.aws.processor;

import dev.streamer.runtime.aws.connections.MessageSender;
import dev.streamer.runtime.aws.observability.JsonLog;
import dev.streamer.runtime.aws.observability.Metrics;
import dev.streamer.runtime.aws.progress.BatchedProgress;
import dev.streamer.runtime.aws.progress.ProgressReporters;
import dev.streamer.runtime.aws.progress.ProgressSink;
import dev.streamer.runtime.aws.progress.ProgressState;
import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The production {@link JobProgress}: a {@link BatchedProgress} (throttled, latest value wins, flushed on close)
 * whose writes to the request item are guarded by the claimed attempt. When the attempt no longer holds the
 * request, the reporter answers "cancelled" so that the job stops.
 */
public final class BatchedJobProgress implements JobProgress {

  private final BatchedProgress delegate;

  private BatchedJobProgress(BatchedProgress delegate) {
    this.delegate = delegate;
  }

  /** A factory sharing {@code scheduler} (owned by the caller) across all jobs of one Lambda environment. */
  public static JobProgressFactory factory(DynamoRequestStore store, MessageSender sender, Duration interval,
      ScheduledExecutorService scheduler, JsonLog log, Metrics metrics) {
    return claimed -> {
      ProgressSink sink = (requestId, fraction, message) ->
          store.recordProgress(requestId, claimed.attempts(), fraction, message)
              .orElseGet(() -> new ProgressState(claimed.connectionId(), true));
      ProgressReporters reporters =
          new ProgressReporters(sink, sender, interval, store.clock(), scheduler, log, metrics);
      return new BatchedJobProgress(reporters.open(claimed.requestId(), claimed.clientId()));
    };
  }

  @Override
  public void report(double fraction, String message) {
    delegate.report(fraction, message);
  }

  @Override
  public boolean isCancelled() {
    return delegate.isCancelled();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "BatchedJobProgress[" + delegate.requestId() + "]";
  }
}
