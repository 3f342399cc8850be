package dev.streamer.test.quotes;

import static dev.streamer.test.local.StreamerAssertions.assertError;
import static dev.streamer.test.local.StreamerAssertions.awaitResult;
import static dev.streamer.test.local.StreamerAssertions.progressOf;
import static dev.streamer.test.local.StreamerAssertions.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.ProgressUpdate;
import dev.streamer.client.ReconnectPolicy;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.test.local.Call;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Quotes app's own generated handlers on the local stack, through the test kit's extension. */
@StreamerTest(QuotesRouteTable.class)
class QuotesEndToEndTest {

  @Test
  void aSyncActionAnswersAtOnceForTheConnectedUser(StreamerClient client) {
    Call call = send(client, "quote_price", "{\"sku\":\"A-1\",\"quantity\":3}");
    long total = Quotes.unitCents("A-1") * 3;
    assertEquals("{\"sku\":\"A-1\",\"quantity\":3,\"totalCents\":" + total + ",\"quotedFor\":\"test-user\"}",
        awaitResult(call));
    assertTrue(call.progress().isEmpty());
  }

  @Test
  void anAsyncActionIsQueuedReportsProgressAndDeliversItsResult(StreamerClient client, TestStack stack) {
    Call call = send(client, "quote_batch", "{\"skus\":[\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\",\"H\",\"I\",\"J\","
        + "\"K\",\"L\",\"M\",\"N\",\"O\",\"P\",\"Q\",\"R\",\"S\",\"T\"]}");
    String requestId = call.awaitRequestId();
    long total = List.of("ABCDEFGHIJKLMNOPQRST".split("")).stream().mapToLong(Quotes::unitCents).sum();
    assertEquals("{\"count\":20,\"totalCents\":" + total + "}", awaitResult(call));

    List<ProgressUpdate> progress = progressOf(call);
    assertFalse(progress.isEmpty(), "progress reaches the client");
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i).progress() > progress.get(i - 1).progress(), "moves forward: " + progress);
    }
    assertTrue(progress.stream().allMatch(p -> p.requestId().equals(requestId)));
    assertEquals(RequestStatus.COMPLETED, stack.status(requestId));
  }

  @Test
  void anInvalidPayloadIsAValidationErrorWithEveryViolation(StreamerClient client) {
    StreamerClientException error = assertError(ErrorCode.VALIDATION_ERROR,
        send(client, "quote_price", "{\"sku\":\" \",\"quantity\":0}"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) error.error().details().get("violations");
    assertEquals(List.of("quantity", "sku"), violations.stream().map(v -> (String) v.get("path")).sorted().toList());
  }

  @Test
  void aBusySupplierIsRetriedOnceTheStacksClockPassesTheBackoff(StreamerClient client, TestStack stack) {
    Call call = send(client, "order_stock", "{\"sku\":\"retry-1\",\"quantity\":5}");
    String requestId = call.awaitRequestId();
    RequestRecord waiting = stack.awaitStored(requestId, r -> r.retryCount() == 1);
    assertEquals(RequestStatus.PENDING, waiting.status());
    assertTrue(waiting.retryAfter().isAfter(stack.clock().instant().plus(Quotes.SUPPLIER_BUSY_FOR)
        .minusSeconds(60)), "not before the supplier's delay: " + waiting.retryAfter());

    assertTrue(stack.sweep().contains("\"redriven\":0"), "nothing is due yet");
    assertFalse(call.result().isDone());

    stack.advance(Quotes.SUPPLIER_BUSY_FOR.plusSeconds(1));
    stack.sweep(); // (the stack's sweeper timer may have got there first: either re-drives it)
    assertEquals("{\"sku\":\"retry-1\",\"quantity\":5,\"attempts\":2}", awaitResult(call));
    assertEquals(2, stack.awaitStatus(requestId, RequestStatus.COMPLETED).attempts());
  }

  @Test
  void otherUsersGetTheirOwnTokensAndCannotReadTheRequest(StreamerClient client, TestStack stack) {
    Call call = send(client, "quote_batch", "{\"skus\":[\"X\"]}");
    String requestId = call.awaitRequestId();
    awaitResult(call);
    StreamerClient bob = stack.connect("bob", "other-tenant");
    assertEquals("{\"sku\":\"Z\",\"quantity\":1,\"totalCents\":" + Quotes.unitCents("Z") + ",\"quotedFor\":\"bob\"}",
        awaitResult(send(bob, "quote_price", "{\"sku\":\"Z\",\"quantity\":1}")));
    assertError(ErrorCode.NOT_FOUND, send(bob, "status", "{\"requestId\":\"" + requestId + "\"}"));
  }

  @Test
  void aTokenExpiresWhenTheStacksClockPassesItsExpiry(TestStack stack) {
    String token = stack.token("carol", "acme", Duration.ofMinutes(5));
    try (StreamerClient early = StreamerClient.builder(stack.webSocketUri()).token(token)
        .reconnect(ReconnectPolicy.NEVER).build()) {
      awaitResult(early.connect().thenApply(connected -> "connected"));
    }
    stack.advance(Duration.ofMinutes(6)); // past exp and the 30 s leeway, on the $connect handler's clock
    try (StreamerClient late = StreamerClient.builder(stack.webSocketUri()).token(token)
        .reconnect(ReconnectPolicy.NEVER).build()) {
      assertError(ErrorCode.UNAUTHORIZED, late.connect());
    }
  }
}
