package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.RateLimitRetry;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rate limits over real sockets: the Java client against the local stack's gateway, the sample's generated handlers
 * and DynamoDB Local, with the limits set by {@code RATE_LIMITS} ({@link SharedStack#RATE_LIMITS}).
 */
class RateLimitTest {

  @Test
  void burstOfThirtyAgainstFivePerMinute() throws Exception {
    // a burst must not straddle a window boundary: start early in a minute
    Instant now = Instant.now();
    if (now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(45).isBefore(now)) {
      Thread.sleep(Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(61)).toMillis());
    }
    Instant windowEnd = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
    try (StreamerClient client = SharedStack.client("burst-user", "burst-tenant").build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        replies.add(client.request("echo", "{\"message\":\"m" + i + "\"}"));
      }
      int succeeded = 0;
      List<StreamerClientException> refused = new ArrayList<>();
      for (CompletableFuture<String> reply : replies) {
        try {
          reply.get(60, TimeUnit.SECONDS);
          succeeded++;
        } catch (java.util.concurrent.ExecutionException e) {
          refused.add(assertInstanceOf(StreamerClientException.class, e.getCause()));
        }
      }
      assertEquals(5, succeeded);
      assertEquals(25, refused.size());
      for (StreamerClientException e : refused) {
        assertEquals(ErrorCode.RATE_LIMITED, e.code(), e.getMessage());
        assertTrue(e.error().retry().retryable());
        assertEquals(windowEnd, e.error().retry().after(), "retry.after is the end of the window");
        assertEquals("user", e.error().details().get("scope"));
      }
    }
  }

  @Test
  void theClientCanWaitOutTheLimitAndRetry() throws Exception {
    try (StreamerClient waiting = SharedStack.client("retry-user", "retry-tenant")
        .rateLimitRetry(RateLimitRetry.upTo(5, Duration.ofSeconds(5))).build();
        StreamerClient impatient = SharedStack.client("retry-user-2", "retry-tenant").build()) {
      waiting.connect().get(30, TimeUnit.SECONDS);
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        replies.add(waiting.request("echo", "{\"message\":\"w" + i + "\"}"));
      }
      for (CompletableFuture<String> reply : replies) {
        assertTrue(reply.get(60, TimeUnit.SECONDS).contains("\"message\":\"w"), "every request passes in the end");
      }

      impatient.connect().get(30, TimeUnit.SECONDS);
      List<CompletableFuture<String>> once = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        once.add(impatient.request("echo", "{\"message\":\"i" + i + "\"}"));
      }
      long refused = once.stream().filter(f -> {
        try {
          f.join();
          return false;
        } catch (CompletionException e) {
          return ((StreamerClientException) e.getCause()).code() == ErrorCode.RATE_LIMITED;
        }
      }).count();
      assertTrue(refused >= 2, "without the opt-in, refusals fail the request: " + refused);
    }
  }
}
