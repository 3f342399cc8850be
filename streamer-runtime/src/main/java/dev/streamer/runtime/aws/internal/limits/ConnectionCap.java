package dev.streamer.runtime.aws.internal.limits;

import dev.streamer.core.protocol.Limits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * At most {@code max} open connections per user ({@value #ENV}), enforced at {@code $connect} with a {@link Slots}
 * set per user. A place is given back at {@code $disconnect}; one whose {@code $disconnect} never came (API Gateway
 * delivers it on a best-effort basis) is freed when the set is full and its connection record is gone, and in any
 * case after {@link #MAX_CONNECTION_DURATION}, when API Gateway has closed the connection.
 */
public final class ConnectionCap {

  public static final String ENV = "MAX_CONNECTIONS_PER_USER";
  /** API Gateway closes every WebSocket connection after 2 hours ({@link Limits#MAX_CONNECTION_SECONDS}). */
  public static final Duration MAX_CONNECTION_DURATION = Duration.ofSeconds(Limits.MAX_CONNECTION_SECONDS);

  /** How long after its admission a connection may still be on its way into the table. */
  static final Duration STORE_GRACE = Duration.ofMinutes(1);

  private final Slots slots;
  private final int max;
  private final Predicate<String> connectionExists;
  private final Clock clock;

  /**
   * @param connectionExists whether a connection is still stored (consulted only when the set is full)
   */
  public ConnectionCap(Slots slots, int max, Predicate<String> connectionExists, Clock clock) {
    this.slots = Objects.requireNonNull(slots, "slots");
    this.connectionExists = Objects.requireNonNull(connectionExists, "connectionExists");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (max < 1) {
      throw new IllegalArgumentException(ENV + " must be at least 1: " + max);
    }
    this.max = max;
  }

  /** The cap {@value #ENV} sets: a positive integer, or 0 (unset, blank) for none. */
  public static int maxFromEnvironment(Map<String, String> env) {
    String value = env.get(ENV);
    if (value == null || value.isBlank()) {
      return 0;
    }
    try {
      int max = Integer.parseInt(value.trim());
      if (max < 0) {
        throw new NumberFormatException();
      }
      return max;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ENV + ": '" + value + "' is not a non-negative integer");
    }
  }

  public int max() {
    return max;
  }

  /** Takes a place for {@code connectionId} of {@code userId}; false when the user has {@link #max} open. */
  public boolean admit(String userId, String connectionId) {
    Instant now = clock.instant();
    // a holder admitted within the last minute may not be stored yet: never declare it gone
    Instant recent = now.plus(MAX_CONNECTION_DURATION).minus(STORE_GRACE);
    return slots.acquire(key(userId), connectionId, now.plus(MAX_CONNECTION_DURATION), max,
        (holder, expiry) -> expiry.isAfter(recent) || connectionExists.test(holder));
  }

  /** Gives back the place of {@code connectionId}. */
  public void release(String userId, String connectionId) {
    slots.release(key(userId), connectionId);
  }

  private static String key(String userId) {
    return "slots:connections:" + userId;
  }
}
