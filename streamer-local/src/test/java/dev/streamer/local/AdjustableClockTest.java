package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AdjustableClockTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void advancesAddUpAndDerivedZonesShareTheOffset() {
    AdjustableClock clock = AdjustableClock.fixedAt(START);
    var paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofSeconds(5));
    clock.advance(Duration.ofMillis(250));
    assertEquals(START.plusMillis(5250), clock.instant());
    assertEquals(START.plusMillis(5250), paris.instant());
    assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
  }

  @Test
  void neverGoesBackwards() {
    AdjustableClock clock = AdjustableClock.fixedAt(START);
    assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofNanos(-1)));
    assertEquals(START, clock.instant());
  }

  @Test
  void concurrentAdvancesAreNotLost() throws Exception {
    AdjustableClock clock = AdjustableClock.fixedAt(START);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 4000; i++) {
      pool.execute(() -> clock.advance(Duration.ofMillis(1)));
    }
    pool.shutdown();
    assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
    assertEquals(START.plusSeconds(4), clock.instant());
  }

  @Test
  void theSystemBasedClockFlowsWithRealTime() throws Exception {
    AdjustableClock clock = AdjustableClock.systemUTC();
    clock.advance(Duration.ofHours(1));
    Instant expected = Instant.now().plus(Duration.ofHours(1));
    Duration gap = Duration.between(expected, clock.instant()).abs();
    assertEquals(true, gap.compareTo(Duration.ofSeconds(30)) < 0, "gap " + gap);
  }
}
