package dev.streamer.test.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamer.core.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingNotifierTest {

  record PriceChanged(String sku) {}

  record Other(int n) {}

  @Test
  void recordsEveryEventInOrderWithItsAudience() {
    RecordingNotifier notifier = new RecordingNotifier();
    RequestContext context = TestContext.builder().notifier(notifier).attempt(2, 4).build();
    context.notifier().toTenant(new PriceChanged("a"));
    context.notifier().toUser("u-2", new Other(1));
    context.notifier().toConnection("c-1", new PriceChanged("b"));
    assertEquals(1, notifier.toCaller(new PriceChanged("c")).delivered());

    assertEquals(List.of(
        new RecordingNotifier.Sent(RecordingNotifier.Audience.TENANT, null, new PriceChanged("a")),
        new RecordingNotifier.Sent(RecordingNotifier.Audience.USER, "u-2", new Other(1)),
        new RecordingNotifier.Sent(RecordingNotifier.Audience.CONNECTION, "c-1", new PriceChanged("b")),
        new RecordingNotifier.Sent(RecordingNotifier.Audience.CALLER, null, new PriceChanged("c"))),
        notifier.sent());
    assertEquals(List.of(new PriceChanged("a"), new PriceChanged("b"), new PriceChanged("c")),
        notifier.events(PriceChanged.class));
    assertSame(notifier, context.notifier());
    assertEquals(2, context.attempt());
    assertEquals(4, context.maxAttempts());
  }

  @Test
  void defaultsToAFirstAndOnlyAttemptWithoutDelivery() {
    RequestContext context = TestContext.defaults();
    assertEquals(1, context.attempt());
    assertEquals(1, context.maxAttempts());
    assertThrows(IllegalStateException.class, () -> context.notifier().toTenant(new Other(1)));
  }
}
