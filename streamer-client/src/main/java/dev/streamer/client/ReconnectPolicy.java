package dev.streamer.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnection after a connection is lost: exponential backoff with jitter, from {@code initialDelay} doubling up to
 * {@code maxDelay}, for at most {@code maxAttempts} attempts in a row (0: never reconnect).
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {

  public static final ReconnectPolicy DEFAULT =
      new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(30), Integer.MAX_VALUE);
  public static final ReconnectPolicy NEVER = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 0);

  public ReconnectPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || maxAttempts < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay and maxAttempts >= 0");
    }
  }

  /** Delay before attempt {@code attempt} (1-based): a random time between half and all of the capped backoff. */
  Duration delay(int attempt) {
    long cap = maxDelay.toMillis();
    long base = Math.min(cap, initialDelay.toMillis() << Math.min(attempt - 1, 30));
    long half = base / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(base - half + 1));
  }
}
