package dev.streamer.runtime.aws.internal.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvDurationTest {

  @Test
  void parsesUnitsAndIso() {
    assertEquals(Duration.ofMillis(200), EnvDuration.parse("X", "200ms"));
    assertEquals(Duration.ofSeconds(30), EnvDuration.parse("X", " 30s "));
    assertEquals(Duration.ofMinutes(5), EnvDuration.parse("X", "5m"));
    assertEquals(Duration.ofHours(24), EnvDuration.parse("X", "24H"));
    assertEquals(Duration.ofDays(7), EnvDuration.parse("X", "7d"));
    assertEquals(Duration.ofMillis(200), EnvDuration.parse("X", "PT0.2S"));
    assertEquals(Duration.ZERO, EnvDuration.parse("X", "0s"));
  }

  @Test
  void unsetOrBlankGivesTheFallback() {
    assertEquals(Duration.ofSeconds(3), EnvDuration.get(Map.of(), "X", Duration.ofSeconds(3)));
    assertEquals(Duration.ofSeconds(3), EnvDuration.get(Map.of("X", " "), "X", Duration.ofSeconds(3)));
    assertEquals(Duration.ofSeconds(1), EnvDuration.get(Map.of("X", "1s"), "X", Duration.ofSeconds(3)));
  }

  @Test
  void rejectsBareNumbersNegativesAndGarbageNamingTheVariable() {
    for (String bad : new String[] {"30", "-5s", "PT-1S", "soon", "5 parsecs", "P"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> EnvDuration.parse("JWT_LEEWAY", bad), bad);
      assertTrue(e.getMessage().startsWith("JWT_LEEWAY: "), e.getMessage());
    }
  }
}
