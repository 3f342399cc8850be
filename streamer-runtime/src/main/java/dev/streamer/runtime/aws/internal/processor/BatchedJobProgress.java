package dev.streamer.runtime.aws.internal.processor;

import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.progress.BatchedProgress;
import dev.streamer.runtime.aws.internal.progress.ProgressReporters;
import dev.streamer.runtime.aws.internal.progress.ProgressSink;
import dev.streamer.runtime.aws.internal.progress.ProgressState;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The production {@link JobProgress}: a {@link BatchedProgress} (throttled, latest value wins, flushed on close,
 * starting from the progress earlier attempts stored) whose writes to the request item are guarded by the claimed
 * attempt and renew its {@link Lease}. When the attempt no longer holds the request, the reporter answers
 * "cancelled" so that the job stops.
 *
 * <p>A progress flush reads the cancel flag back for free. A job that asks {@link #isCancelled()} without reporting
 * progress gets it from a read of the item instead, at most once per interval.
 */
public final class BatchedJobProgress implements JobProgress {

  private final BatchedProgress delegate;
  private final DynamoRequestStore store;
  private final RequestRecord claimed;
  private final Duration interval;
  private final Clock clock;
  private final JsonLog log;

  // guarded by this
  private Instant lastPoll;
  private volatile boolean stopRead;

  private BatchedJobProgress(BatchedProgress delegate, DynamoRequestStore store, RequestRecord claimed,
      Duration interval, JsonLog log) {
    this.delegate = delegate;
    this.store = store;
    this.claimed = claimed;
    this.interval = interval;
    this.clock = store.clock();
    this.log = log;
    this.lastPoll = clock.instant(); // the claim just read the cancel flag: the first read is due an interval later
  }

  /** A factory sharing {@code scheduler} (owned by the caller) across all jobs of one Lambda environment. */
  public static JobProgressFactory factory(DynamoRequestStore store, MessageSender sender, Duration interval,
      ScheduledExecutorService scheduler, JsonLog log, Metrics metrics) {
    return (claimed, lease) -> {
      ProgressSink sink = (requestId, fraction, message) -> {
        Instant at = store.clock().instant();
        Optional<ProgressState> state =
            store.recordProgress(requestId, claimed.attempts(), fraction, message, lease.nextExpiry());
        if (state.isEmpty()) {
          lease.lost();
          return new ProgressState(claimed.connectionId(), true);
        }
        lease.renewed(at, state.get());
        return state.get();
      };
      ProgressReporters reporters =
          new ProgressReporters(sink, sender, interval, store.clock(), scheduler, log, metrics);
      return new BatchedJobProgress(reporters.open(claimed.requestId(), claimed.clientId(), claimed.progress()),
          store, claimed, interval, log.withContext(LogFields.empty().requestId(claimed.requestId())));
    };
  }

  @Override
  public void report(double fraction, String message) {
    delegate.report(fraction, message);
  }

  @Override
  public boolean isCancelled() {
    return delegate.isCancelled() || stopRead || poll();
  }

  private synchronized boolean poll() {
    Instant now = clock.instant();
    if (stopRead || lastPoll != null && now.isBefore(lastPoll.plus(interval))) {
      return stopRead;
    }
    lastPoll = now;
    try {
      stopRead = store.shouldStop(claimed.requestId(), claimed.attempts());
    } catch (RuntimeException e) {
      log.warn("cancel flag not read", LogFields.empty(), e); // keep running; the next poll tries again
    }
    return stopRead;
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public Held closeForCompletion() {
    BatchedProgress.Update last = delegate.closeHolding();
    if (last == null) {
      return null;
    }
    return new Held() {
      @Override
      public String message() {
        return last.message();
      }

      @Override
      public void send(String connectionId) {
        delegate.send(last, connectionId);
      }
    };
  }

  @Override
  public String toString() {
    return "BatchedJobProgress[" + delegate.requestId() + "]";
  }
}
