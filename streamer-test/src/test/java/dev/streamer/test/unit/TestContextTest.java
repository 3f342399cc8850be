package dev.streamer.test.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.RequestContext;
import dev.streamer.local.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TestContextTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void defaultsNameATestUserAndTenantAndSetNoDeadline() {
    RequestContext context = TestContext.defaults();
    assertEquals(TestContext.USER, context.userId());
    assertEquals(TestContext.TENANT, context.tenantId());
    assertEquals(TestContext.ACTION, context.action());
    assertEquals(TestContext.CONNECTION, context.connectionId());
    assertNull(context.deadline());
    assertFalse(context.isCancelled());
    assertEquals(Map.of(), context.metadata());
    assertNotEquals(context.requestId(), TestContext.defaults().requestId(), "a fresh request id each time");
  }

  @Test
  void everyFieldCanBeSet() {
    Instant deadline = START.plusSeconds(5);
    RequestContext context = TestContext.builder().requestId("r-1").clientId("c-1").action("quote_price")
        .connectionId(null).userId(null).tenantId("acme").traceId("1-abc").metadata(Map.of("plan", "pro"))
        .deadline(deadline).build();
    assertEquals("r-1", context.requestId());
    assertEquals("c-1", context.clientId());
    assertEquals("quote_price", context.action());
    assertNull(context.connectionId());
    assertNull(context.userId(), "an anonymous caller");
    assertEquals("acme", context.tenantId());
    assertEquals("1-abc", context.traceId());
    assertEquals(Map.of("plan", "pro"), context.metadata());
    assertEquals(deadline, context.deadline());
  }

  @Test
  void remainingTimeRunsOnTheGivenClock() {
    AdjustableClock clock = AdjustableClock.fixedAt(START);
    RequestContext context = TestContext.builder().clock(clock).remaining(Duration.ofSeconds(10)).build();
    assertEquals(START.plusSeconds(10), context.deadline());
    clock.advance(Duration.ofSeconds(4));
    assertEquals(Duration.ofSeconds(6), context.remainingTime());
    clock.advance(Duration.ofSeconds(7));
    assertEquals(Duration.ZERO, context.remainingTime());
  }

  @Test
  void theSwitchCancelsEveryContextOfTheBuilder() {
    TestContext.Builder builder = TestContext.builder();
    RequestContext first = builder.build();
    RequestContext second = builder.build();
    assertFalse(first.isCancelled());
    builder.cancel();
    assertTrue(first.isCancelled());
    assertTrue(second.isCancelled());
    assertTrue(builder.cancelSwitch().getAsBoolean());
  }

  @Test
  void aGivenCancellationReplacesTheSwitch() {
    AtomicBoolean external = new AtomicBoolean();
    RequestContext context = TestContext.builder().cancellation(external::get).build();
    assertFalse(context.isCancelled());
    external.set(true);
    assertTrue(context.isCancelled());
  }
}
