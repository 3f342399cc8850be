package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The stack's clock reaches the handlers it creates (through the {@link AwsRuntime} they are built on), its tokens and
 * the sweeper's scheduled events, and moves only forward with {@link LocalStack#advance}. Each stack has its own: two
 * stacks in one JVM do not move each other's time.
 */
class LocalStackClockTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void handlersTokensAndSweepsRunOnTheStacksClock() {
    RecordingHandlers handlers = new RecordingHandlers();
    AtomicReference<AwsRuntime> seenByHandler = new AtomicReference<>();
    try (LocalStack stack = start(handlers, seenByHandler, Clock.fixed(START, ZoneOffset.UTC))) {
      assertSame(stack.runtime(), seenByHandler.get());
      assertSame(stack.clock(), seenByHandler.get().clock());
      assertEquals(START, stack.clock().instant());

      stack.advance(Duration.ofMinutes(90));
      assertEquals(START.plus(Duration.ofMinutes(90)), seenByHandler.get().clock().instant());
      assertEquals(Duration.ofMinutes(90), stack.clock().offset());
      assertThrows(IllegalArgumentException.class, () -> stack.advance(Duration.ofSeconds(-1)));

      var token = JWT.decode(stack.mintToken("u", "t", Duration.ofMinutes(5)));
      assertEquals(START.plus(Duration.ofMinutes(90)), token.getIssuedAtAsInstant());
      assertEquals(START.plus(Duration.ofMinutes(95)), token.getExpiresAtAsInstant());

      stack.sweep();
      Map<String, Object> event = handlers.sweeps.poll();
      assertEquals("2030-01-01T01:30:00Z", event.get("time"), "the scheduled event's time is the stack's");
    }
  }

  @Test
  void twoStacksInOneJvmKeepTheirOwnClocks() {
    AtomicReference<AwsRuntime> firstRuntime = new AtomicReference<>();
    AtomicReference<AwsRuntime> secondRuntime = new AtomicReference<>();
    try (LocalStack first = start(new RecordingHandlers(), firstRuntime, Clock.fixed(START, ZoneOffset.UTC));
        LocalStack second = start(new RecordingHandlers(), secondRuntime, Clock.fixed(START, ZoneOffset.UTC))) {
      assertNotSame(first.clock(), second.clock());
      first.advance(Duration.ofHours(2));
      assertEquals(START.plus(Duration.ofHours(2)), firstRuntime.get().clock().instant());
      assertEquals(START, secondRuntime.get().clock().instant());
    }
  }

  private static LocalStack start(RecordingHandlers handlers, AtomicReference<AwsRuntime> seen, Clock clock) {
    return LocalStack.builder()
        .clock(clock)
        .connect(handlers::connect)
        .message(runtime -> {
          seen.set(runtime);
          return handlers.message(runtime);
        })
        .disconnect(handlers::disconnect)
        .processor(handlers::processor)
        .sweeper(handlers::sweeper)
        .sweepInterval(Duration.ofHours(1))
        .banner(null)
        .start();
  }
}
