package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import dev.streamer.runtime.aws.lambda.HostClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The stack's clock reaches the handlers it creates (through {@link HostClock}, read when they build their runtime)
 * and its tokens, moves only forward with {@link LocalStack#advance}, and is uninstalled when the stack closes.
 */
class LocalStackClockTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void handlersAndTokensRunOnTheStacksClockUntilItCloses() {
    RecordingHandlers handlers = new RecordingHandlers();
    AtomicReference<Clock> seenByHandler = new AtomicReference<>();
    LocalStack stack = LocalStack.builder()
        .clock(Clock.fixed(START, ZoneOffset.UTC))
        .connect(handlers::connect)
        .message(() -> {
          seenByHandler.set(HostClock.current()); // what a generated handler's static initializer would read
          return handlers.message();
        })
        .disconnect(handlers::disconnect)
        .processor(handlers::processor)
        .sweeper(handlers::sweeper)
        .banner(null)
        .start();
    try {
      assertSame(stack.clock(), seenByHandler.get());
      assertEquals(START, stack.clock().instant());

      stack.advance(Duration.ofMinutes(90));
      assertEquals(START.plus(Duration.ofMinutes(90)), seenByHandler.get().instant());
      assertEquals(Duration.ofMinutes(90), stack.clock().offset());
      assertThrows(IllegalArgumentException.class, () -> stack.advance(Duration.ofSeconds(-1)));

      var token = JWT.decode(stack.mintToken("u", "t", Duration.ofMinutes(5)));
      assertEquals(START.plus(Duration.ofMinutes(90)), token.getIssuedAtAsInstant());
      assertEquals(START.plus(Duration.ofMinutes(95)), token.getExpiresAtAsInstant());
    } finally {
      stack.close();
    }
    Instant now = Instant.now();
    Instant after = HostClock.current().instant();
    assertEquals(true, !after.isBefore(now) && after.isBefore(now.plusSeconds(60)),
        "the system clock again after close: " + after);
  }
}
