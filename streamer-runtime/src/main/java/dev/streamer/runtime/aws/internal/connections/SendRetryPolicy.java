package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.runtime.aws.internal.env.EnvDuration;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Retries of a send on 429 (throttled), 5xx and network errors: exponential backoff with full jitter (a delay drawn
 * uniformly from zero to {@code min(maxDelay, baseDelay * 2^(attempt-1))}), at most {@code maxAttempts} calls in all.
 * The SDK client's own retries are switched off, so these are the only ones.
 *
 * @param maxAttempts calls in all, at least 1 ({@code SEND_MAX_ATTEMPTS}, default 4)
 * @param baseDelay   first backoff ceiling ({@code SEND_BACKOFF_BASE}, default 50ms)
 * @param maxDelay    largest backoff ceiling ({@code SEND_BACKOFF_MAX}, default 1s)
 */
public record SendRetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  public static final SendRetryPolicy DEFAULT = new SendRetryPolicy(4, Duration.ofMillis(50), Duration.ofSeconds(1));

  public SendRetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("SEND_MAX_ATTEMPTS must be at least 1");
    }
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= SEND_BACKOFF_BASE <= SEND_BACKOFF_MAX");
    }
  }

  public static SendRetryPolicy fromEnvironment(Map<String, String> env) {
    String attempts = env.get("SEND_MAX_ATTEMPTS");
    int maxAttempts = DEFAULT.maxAttempts();
    if (attempts != null && !attempts.isBlank()) {
      try {
        maxAttempts = Integer.parseInt(attempts.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("SEND_MAX_ATTEMPTS: '" + attempts + "' is not a whole number");
      }
    }
    return new SendRetryPolicy(maxAttempts,
        EnvDuration.get(env, "SEND_BACKOFF_BASE", DEFAULT.baseDelay()),
        EnvDuration.get(env, "SEND_BACKOFF_MAX", DEFAULT.maxDelay()));
  }

  /** The delay before attempt {@code failedAttempt + 1}, with full jitter from {@code random}. */
  public Duration backoff(int failedAttempt, RandomGenerator random) {
    long ceiling = baseDelay.toNanos();
    for (int i = 1; i < failedAttempt && ceiling < maxDelay.toNanos(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxDelay.toNanos());
    return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
  }
}
