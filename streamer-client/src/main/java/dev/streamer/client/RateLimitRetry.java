package dev.streamer.client;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.RetryInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waiting out {@code RATE_LIMITED}: a request the server refused is sent again at its error's {@code retry.after}
 * (plus up to 10% jitter, at most 1 s, so that refused clients do not return all at once), at most
 * {@code maxAttempts} more times, and only when that time is at most {@code maxWait} away; otherwise the request
 * fails with the error. Opt-in: the default {@link #OFF} never retries.
 *
 * @param maxAttempts extra attempts after a refusal (0: off)
 * @param maxWait     longest wait accepted for one retry
 */
public record RateLimitRetry(int maxAttempts, Duration maxWait) {

  public static final RateLimitRetry OFF = new RateLimitRetry(0, Duration.ZERO);

  public RateLimitRetry {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxAttempts < 0 || maxWait.isNegative()) {
      throw new IllegalArgumentException("need maxAttempts >= 0 and maxWait >= 0");
    }
  }

  /** Up to {@code maxAttempts} retries, each waiting at most {@code maxWait}. */
  public static RateLimitRetry upTo(int maxAttempts, Duration maxWait) {
    return new RateLimitRetry(maxAttempts, maxWait);
  }

  /**
   * How long to wait before sending again after {@code failure} ended attempt {@code attempt} (1-based), or null to
   * give up: not RATE_LIMITED, no retry time, attempts used up, or too long a wait.
   */
  Duration waitBefore(StreamerClientException failure, int attempt, Instant now) {
    if (failure.code() != ErrorCode.RATE_LIMITED || attempt > maxAttempts) {
      return null;
    }
    RetryInfo retry = failure.error().retry();
    if (retry == null || !retry.retryable() || retry.after() == null) {
      return null;
    }
    long wait = Math.max(0, Duration.between(now, retry.after()).toMillis());
    if (wait > maxWait.toMillis()) {
      return null;
    }
    long jitter = ThreadLocalRandom.current().nextLong(Math.min(1_000, wait / 10 + 50) + 1);
    return Duration.ofMillis(wait + jitter);
  }
}
