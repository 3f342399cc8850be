package dev.streamer.runtime.aws.internal.processor;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * Exponential backoff with full jitter: the delay before retry {@code n} (0-based) is uniform in
 * [0, min(cap, base·2ⁿ)], raised to the failure's own lower bound when it gave one. Full jitter spreads retries of
 * many requests that failed together (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
public final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final LongUnaryOperator random;

  /** {@code random} maps a bound b > 0 to a uniform long in [0, b]. */
  public Backoff(Duration base, Duration cap, LongUnaryOperator random) {
    this.base = Objects.requireNonNull(base, "base");
    this.cap = Objects.requireNonNull(cap, "cap");
    this.random = Objects.requireNonNull(random, "random");
    if (base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= cap");
    }
  }

  public Backoff(Duration base, Duration cap) {
    this(base, cap, bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1));
  }

  /** Delay before retry number {@code retry} (0 for the first retry); {@code atLeast} may be null. */
  public Duration delay(int retry, Duration atLeast) {
    long ceiling = cap.toMillis();
    long baseMillis = base.toMillis();
    if (retry < 62 && baseMillis > 0 && baseMillis <= (ceiling >> Math.min(retry, 62))) {
      ceiling = baseMillis << retry;
    }
    long jittered = ceiling == 0 ? 0 : random.applyAsLong(ceiling);
    Duration delay = Duration.ofMillis(jittered);
    return atLeast != null && atLeast.compareTo(delay) > 0 ? atLeast : delay;
  }
}
