package dev.streamer.runtime.aws.internal.processor;

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
 * @param concurrency       most jobs of one batch running at once ({@code PROCESSOR_CONCURRENCY})
 * @param leaseDuration     how long a claim (and each renewal) holds a request, never beyond the invocation's end
 *                          ({@code LEASE_DURATION})
 * @param sweepInterval     time between two sweeps of one sweeper invocation ({@code SWEEP_INTERVAL})
 */
public record ProcessorSettings(Duration timeoutBuffer, Backoff backoff, Duration stalePendingAfter, int sweepLimit,
    int concurrency, Duration leaseDuration, Duration sweepInterval) {

  // Each default in whole units too: a compile-time constant, so reading a default (StreamerConfig does, in every
  // function) does not load and initialise this class on a cold start.
  public static final long DEFAULT_TIMEOUT_BUFFER_SECONDS = 1;
  public static final long DEFAULT_RETRY_DELAY_SECONDS = 5;
  public static final long DEFAULT_RETRY_MAX_DELAY_MINUTES = 15;
  public static final long DEFAULT_STALE_PENDING_AFTER_MINUTES = 2;
  public static final long DEFAULT_LEASE_DURATION_SECONDS = 60;
  public static final Duration DEFAULT_TIMEOUT_BUFFER = Duration.ofSeconds(DEFAULT_TIMEOUT_BUFFER_SECONDS);
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(DEFAULT_RETRY_DELAY_SECONDS);
  public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofMinutes(DEFAULT_RETRY_MAX_DELAY_MINUTES);
  public static final Duration DEFAULT_STALE_PENDING_AFTER = Duration.ofMinutes(DEFAULT_STALE_PENDING_AFTER_MINUTES);
  public static final int DEFAULT_SWEEP_LIMIT = 500;
  /** One job per record of a full batch: a batch never waits for a slot. */
  public static final int DEFAULT_CONCURRENCY = EventSourceMapping.DEFAULT_BATCH_SIZE;
  /** A crashed job is taken back at most this long after its last renewal. */
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(DEFAULT_LEASE_DURATION_SECONDS);

  public ProcessorSettings {
    Objects.requireNonNull(timeoutBuffer, "timeoutBuffer");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(stalePendingAfter, "stalePendingAfter");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (timeoutBuffer.isNegative() || sweepLimit < 1) {
      throw new IllegalArgumentException("timeoutBuffer must be >= 0 and sweepLimit >= 1");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("PROCESSOR_CONCURRENCY must be at least 1");
    }
    if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("LEASE_DURATION must be at least 1s");
    }
    if (sweepInterval.isNegative() || sweepInterval.isZero()) {
      throw new IllegalArgumentException("SWEEP_INTERVAL must be positive");
    }
  }

  /** The defaults of the newer settings: concurrency, lease and sweep interval. */
  public ProcessorSettings(Duration timeoutBuffer, Backoff backoff, Duration stalePendingAfter, int sweepLimit) {
    this(timeoutBuffer, backoff, stalePendingAfter, sweepLimit, DEFAULT_CONCURRENCY, DEFAULT_LEASE_DURATION,
        SweepSchedule.DEFAULT_INTERVAL);
  }

  public ProcessorSettings withConcurrency(int value) {
    return new ProcessorSettings(timeoutBuffer, backoff, stalePendingAfter, sweepLimit, value, leaseDuration,
        sweepInterval);
  }

  public ProcessorSettings withLeaseDuration(Duration value) {
    return new ProcessorSettings(timeoutBuffer, backoff, stalePendingAfter, sweepLimit, concurrency, value,
        sweepInterval);
  }

  public static ProcessorSettings defaults() {
    return new ProcessorSettings(DEFAULT_TIMEOUT_BUFFER, new Backoff(DEFAULT_RETRY_DELAY, DEFAULT_RETRY_MAX_DELAY),
        DEFAULT_STALE_PENDING_AFTER, DEFAULT_SWEEP_LIMIT);
  }
}
