package dev.streamer.runtime.aws.internal.progress;

import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Opens a {@link BatchedProgress} per request from the parts every request shares: build one per Lambda environment
 * (with the one scheduler) and call {@link #open} for each job.
 *
 * @param sink      persists progress on the request item
 * @param sender    delivers progress messages
 * @param interval  minimum time between two flushes of one request
 * @param clock     time source
 * @param scheduler runs trailing-edge flushes; shared, owned by the caller
 * @param log       where persist/send failures are logged
 * @param metrics   receives ProgressSent per request on close, or null for none
 */
public record ProgressReporters(
    ProgressSink sink,
    MessageSender sender,
    Duration interval,
    Clock clock,
    ScheduledExecutorService scheduler,
    JsonLog log,
    Metrics metrics) {

  public ProgressReporters {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(log, "log");
  }

  /** A reporter for one request; close it before sending the request's outcome. */
  public BatchedProgress open(String requestId, String clientId) {
    return open(requestId, clientId, null);
  }

  /**
   * A reporter for one request that starts at {@code startingAt} (the progress an earlier attempt stored; nullable):
   * lower reports are dropped, so progress never goes down across attempts.
   */
  public BatchedProgress open(String requestId, String clientId, Double startingAt) {
    return new BatchedProgress(requestId, clientId, sink, sender, interval, clock, scheduler,
        log.withContext(LogFields.empty().requestId(requestId)), metrics, startingAt);
  }
}
