package dev.streamer.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs with its base clock but can be moved forward by hand: {@code base + offset}, where
 * {@link #advance} only ever adds to the offset. Tests use it so that retry delays, leases, staleness and token expiry
 * pass at once instead of in real time, while everything that only needs time to flow (progress batching) keeps
 * working. Thread-safe; time as it reports never goes backwards unless the base clock does.
 */
public final class AdjustableClock extends Clock {

  private final Clock base;
  private final AtomicLong offsetNanos;

  public AdjustableClock(Clock base) {
    this(Objects.requireNonNull(base, "base"), new AtomicLong());
  }

  private AdjustableClock(Clock base, AtomicLong offsetNanos) {
    this.base = base;
    this.offsetNanos = offsetNanos;
  }

  /** The system UTC clock, adjustable. */
  public static AdjustableClock systemUTC() {
    return new AdjustableClock(Clock.systemUTC());
  }

  /** Stands still at {@code start} until advanced, for unit tests that want exact instants. */
  public static AdjustableClock fixedAt(Instant start) {
    return new AdjustableClock(Clock.fixed(start, java.time.ZoneOffset.UTC));
  }

  /** Moves this clock (and every clock {@link #withZone} derived from it) {@code duration} forward; not negative. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock only moves forward: " + duration);
    }
    offsetNanos.addAndGet(duration.toNanos());
  }

  /** How far this clock has been advanced in all. */
  public Duration offset() {
    return Duration.ofNanos(offsetNanos.get());
  }

  @Override
  public Instant instant() {
    return base.instant().plusNanos(offsetNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(base.getZone()) ? this : new AdjustableClock(base.withZone(zone), offsetNanos);
  }

  @Override
  public String toString() {
    return "AdjustableClock[" + base + " + " + offset() + "]";
  }
}
