package dev.streamer.runtime.aws.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.limits.RateLimit;
import dev.streamer.runtime.aws.internal.limits.RateLimits.Scope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code RATE_LIMITS} grammar and its precedence. */
class RateLimitsTest {

  private final EchoRoute compiled = new EchoRoute("report", RateLimit.parse("20/1m"), RateLimit.parse("1000/1h"));
  private final EchoRoute status = new EchoRoute("status", null, null);

  @Test
  void mostSpecificEntryWins() {
    RateLimits limits = RateLimits.parse(
        " *.user=100/1m , report.tenant=500/1m, acme/report.tenant=5000/1m, free/*.user=10/1m, acme/report.user=off,"
            + " status.user=30/1m,");
    assertEquals(RateLimit.parse("100/1m"), limits.limit(compiled, Scope.USER, "other"));
    assertEquals(RateLimit.parse("500/1m"), limits.limit(compiled, Scope.TENANT, "other"));
    assertEquals(RateLimit.parse("5000/1m"), limits.limit(compiled, Scope.TENANT, "acme"));
    assertNull(limits.limit(compiled, Scope.USER, "acme"), "off");
    assertEquals(RateLimit.parse("10/1m"), limits.limit(compiled, Scope.USER, "free"));
    assertEquals(RateLimit.parse("500/1m"), limits.limit(compiled, Scope.TENANT, "free"));
    assertEquals(RateLimit.parse("100/1m"), limits.limit(compiled, Scope.USER, null));
    assertEquals(RateLimit.parse("30/1m"), limits.limit(status, Scope.USER, "free"), "built-ins only when named");
    assertNull(limits.limit(status, Scope.TENANT, "acme"));
  }

  @Test
  void withoutOverridesTheCompiledLimitsHold() {
    RateLimits none = RateLimits.fromEnvironment(Map.of());
    assertTrue(none.isEmpty());
    assertEquals(RateLimit.parse("20/1m"), none.limit(compiled, Scope.USER, "acme"));
    assertEquals(RateLimit.parse("1000/1h"), none.limit(compiled, Scope.TENANT, "acme"));
    assertNull(none.limit(status, Scope.USER, "acme"));
    assertEquals(none, RateLimits.parse("  "));
  }

  @Test
  void badEntriesNameTheVariableAndTheEntry() {
    for (String bad : new String[] {"report", "report=20/1m", "report.users=20/1m", "Report.user=20/1m",
        "/report.user=20/1m", "report.user=20 per minute", "report.user=0/1m", "report.user=1/1m,report.user=2/1m",
        "report.user=on"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimits.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("RATE_LIMITS: '"), e.getMessage());
    }
  }

  @Test
  void tenantIdsMayContainSlashesAndDots() {
    RateLimits limits = RateLimits.parse("org/team.a/report.user=7/1s");
    assertEquals(RateLimit.parse("7/1s"), limits.limit(compiled, Scope.USER, "org/team.a"));
  }
}
