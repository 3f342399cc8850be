package dev.streamer.core.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void parsesTheGrammarAndPrintsItBack() {
    assertEquals(new RateLimit(20, Duration.ofMinutes(1)), RateLimit.parse("20/1m"));
    assertEquals(RateLimit.of(5, 10), RateLimit.parse("5/10s"));
    assertEquals(RateLimit.of(1000, 86_400), RateLimit.parse("1000/24h"));
    assertEquals("20/1m", RateLimit.parse("20/60s").toString());
    assertEquals("5/90s", RateLimit.parse("5/90s").toString());
    assertEquals("7/2h", RateLimit.parse("7/120m").toString());
  }

  @Test
  void saysWhatIsWrong() {
    for (String syntax : new String[] {"", "20", "20/", "/1m", "20/m", "20/1d", "20/1M", " 20/1m", "20/1m ",
        "-1/1m", "1.5/1m", "20/1m30s", "x".repeat(100)}) {
      assertEquals(RateLimit.Problem.SYNTAX, RateLimit.problem(syntax), syntax);
      assertThrows(IllegalArgumentException.class, () -> RateLimit.parse(syntax));
    }
    assertEquals(RateLimit.Problem.SYNTAX, RateLimit.problem(null));
    assertEquals(RateLimit.Problem.LIMIT, RateLimit.problem("0/1m"));
    assertEquals(RateLimit.Problem.LIMIT, RateLimit.problem("1000000001/1m"));
    assertEquals(RateLimit.Problem.LIMIT, RateLimit.problem("999999999999999999999999/1m"));
    assertEquals(RateLimit.Problem.WINDOW, RateLimit.problem("5/0s"));
    assertEquals(RateLimit.Problem.WINDOW, RateLimit.problem("5/25h"));
    assertEquals(RateLimit.Problem.WINDOW, RateLimit.problem("5/86401s"));
    assertEquals(RateLimit.Problem.WINDOW, RateLimit.problem("5/999999999999999999999999h"));
    assertNull(RateLimit.problem("1000000000/86400s"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> RateLimit.parse("5/25h")).getMessage()
        .contains("1s to 24h"));
  }

  @Test
  void windowsAreAlignedToTheEpoch() {
    RateLimit perMinute = RateLimit.parse("5/1m");
    assertEquals(120_000, perMinute.windowStart(179_999));
    assertEquals(180_000, perMinute.windowStart(180_000));
    assertEquals(-60_000, perMinute.windowStart(-1));
  }
}
