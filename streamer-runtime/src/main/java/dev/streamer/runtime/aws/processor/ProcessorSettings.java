package dev.streamer.runtime.aws.processor;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the stream processor and the sweeper.
 *
 * @param timeoutBuffer     time kept back from the Lambda's remaining time to record a TIMEOUT before Lambda stops
 * @param backoff           delay schedule of retries
 * @param stalePendingAfter a PENDING request without {@code retryAfter} this old lost its stream record; the sweeper
 *                          re-drives it
 * @param sweepLimit        most requests one sweep acts on
 */
public record ProcessorSettings(Duration timeoutBuffer, Backoff backoff, Duration stalePendingAfter, int sweepLimit) {

  public static final Duration DEFAULT_TIMEOUT_BUFFER = Duration.ofSeconds(1);
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofMinutes(15);
  public static final Duration DEFAULT_STALE_PENDING_AFTER = Duration.ofMinutes(2);
  public static final int DEFAULT_SWEEP_LIMIT = 500;

  public ProcessorSettings {
    Objects.requireNonNull(timeoutBuffer, "timeoutBuffer");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(stalePendingAfter, "stalePendingAfter");
    if (timeoutBuffer.isNegative() || sweepLimit < 1) {
      throw new IllegalArgumentException("timeoutBuffer must be >= 0 and sweepLimit >= 1");
    }
  }

  public static ProcessorSettings defaults() {
    return new ProcessorSettings(DEFAULT_TIMEOUT_BUFFER, new Backoff(DEFAULT_RETRY_DELAY, DEFAULT_RETRY_MAX_DELAY),
        DEFAULT_STALE_PENDING_AFTER, DEFAULT_SWEEP_LIMIT);
  }
}
