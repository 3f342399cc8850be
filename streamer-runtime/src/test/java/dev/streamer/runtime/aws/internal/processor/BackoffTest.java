package dev.streamer.runtime.aws.internal.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Backoff CEILING =
      new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), bound -> bound); // always the upper bound

  @Test
  void ceilingDoublesUpToTheCap() {
    assertEquals(Duration.ofSeconds(5), CEILING.delay(0, null));
    assertEquals(Duration.ofSeconds(10), CEILING.delay(1, null));
    assertEquals(Duration.ofSeconds(40), CEILING.delay(3, null));
    assertEquals(Duration.ofMinutes(1), CEILING.delay(4, null));
    assertEquals(Duration.ofMinutes(1), CEILING.delay(200, null), "no overflow for large retry numbers");
  }

  @Test
  void failuresLowerBoundWins() {
    Backoff zero = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1), bound -> 0);
    assertEquals(Duration.ZERO, zero.delay(2, null));
    assertEquals(Duration.ofSeconds(30), zero.delay(2, Duration.ofSeconds(30)));
    assertEquals(Duration.ofSeconds(10), CEILING.delay(1, Duration.ofSeconds(3)));
  }

  @Test
  void fullJitterStaysWithinBounds() {
    Backoff random = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));
    for (int i = 0; i < 1000; i++) {
      Duration d = random.delay(2, null);
      assertTrue(!d.isNegative() && d.compareTo(Duration.ofSeconds(20)) <= 0, d.toString());
    }
  }
}
