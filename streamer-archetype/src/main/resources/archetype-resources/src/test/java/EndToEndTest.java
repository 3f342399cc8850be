package ${package};

import static dev.streamer.test.local.StreamerAssertions.assertError;
import static dev.streamer.test.local.StreamerAssertions.awaitResult;
import static dev.streamer.test.local.StreamerAssertions.progressOf;
import static dev.streamer.test.local.StreamerAssertions.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.RequestStatus;
import dev.streamer.test.local.Call;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import org.junit.jupiter.api.Test;

/**
 * End to end: the app's generated Lambda handlers on the local stack (DynamoDB Local, a WebSocket gateway, the stream
 * processor), called over a real WebSocket by the Java client, as a deployed app would be.
 */
@StreamerTest(${appName}RouteTable.class)
class EndToEndTest {

  @Test
  void greetAnswersOnTheSocket(StreamerClient client) {
    Call call = send(client, "greet", "{\"name\":\"Ada\"}");
    assertEquals("{\"message\":\"Hello, Ada!\",\"userId\":\"" + TestStack.USER + "\"}", awaitResult(call));
  }

  @Test
  void countPrimesIsQueuedReportsProgressAndDeliversItsResult(StreamerClient client, TestStack stack) {
    Call call = send(client, "count_primes", "{\"limit\":200000}");
    String requestId = call.awaitRequestId();
    assertEquals("{\"checkedUpTo\":200000,\"count\":17984}", awaitResult(call));
    assertFalse(progressOf(call).isEmpty(), "progress reaches the client");
    assertEquals(RequestStatus.COMPLETED, stack.status(requestId));
  }

  @Test
  void anInvalidPayloadIsAValidationError(StreamerClient client) {
    assertError(ErrorCode.VALIDATION_ERROR, send(client, "greet", "{\"name\":\"\"}"));
  }
}
