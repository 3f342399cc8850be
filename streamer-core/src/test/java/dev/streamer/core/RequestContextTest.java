package dev.streamer.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class RequestContextTest {

  @Test
  void withoutACancellationTheContextIsNeverCancelledAndStillGivesASupplier() {
    RequestContext context = RequestContext.builder("r-1", "echo").build();
    assertFalse(context.isCancelled());
    assertNotNull(context.cancellation(), "never null, though none is stored (no class loaded for it)");
    assertFalse(context.cancellation().getAsBoolean());
  }

  @Test
  void aGivenCancellationIsAskedEachTime() {
    AtomicBoolean cancelled = new AtomicBoolean();
    BooleanSupplier supplier = cancelled::get;
    RequestContext context = RequestContext.builder("r-1", "echo").cancellation(supplier).build();
    assertSame(supplier, context.cancellation());
    assertFalse(context.isCancelled());
    cancelled.set(true);
    assertTrue(context.isCancelled());
  }
}
