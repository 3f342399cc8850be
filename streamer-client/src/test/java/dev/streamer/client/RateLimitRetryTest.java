package dev.streamer.client;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.RetryInfo;
import dev.streamer.core.protocol.StreamerError;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitRetryTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:20Z");

  private static StreamerClientException refused(Instant after) {
    return new StreamerClientException(new StreamerError(ErrorCode.RATE_LIMITED, "rate limit exceeded", Map.of(),
        new RetryInfo(true, after, 0, 0)), "r-1");
  }

  @Test
  void waitsUntilRetryAfterWithALittleJitter() {
    RateLimitRetry retry = RateLimitRetry.upTo(2, Duration.ofSeconds(60));
    for (int i = 0; i < 100; i++) {
      Duration wait = retry.waitBefore(refused(NOW.plusSeconds(40)), 1, NOW);
      assertTrue(wait.compareTo(Duration.ofSeconds(40)) >= 0 && wait.compareTo(Duration.ofSeconds(41)) <= 0,
          wait.toString());
    }
    Duration past = retry.waitBefore(refused(NOW.minusSeconds(1)), 2, NOW);
    assertTrue(past.toMillis() >= 0 && past.toMillis() <= 50, past.toString());
  }

  @Test
  void givesUp() {
    RateLimitRetry retry = RateLimitRetry.upTo(2, Duration.ofSeconds(30));
    assertNull(retry.waitBefore(refused(NOW.plusSeconds(5)), 3, NOW), "attempts used up");
    assertNull(retry.waitBefore(refused(NOW.plusSeconds(31)), 1, NOW), "too long a wait");
    assertNull(retry.waitBefore(refused(null), 1, NOW), "no retry time");
    assertNull(retry.waitBefore(StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE, "down", null), 1, NOW));
    assertNull(RateLimitRetry.OFF.waitBefore(refused(NOW.plusSeconds(1)), 1, NOW));
    assertThrows(IllegalArgumentException.class, () -> RateLimitRetry.upTo(-1, Duration.ZERO));
  }
}
