package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Handlers replaced on a running stack (what {@code mvn streamer:run} does after a recompilation): open connections
 * and DynamoDB stay, later messages reach the new handlers, and a failing replacement changes nothing.
 */
class LocalStackReplaceHandlersTest {

  @Test
  void replacedHandlersServeTheOpenConnectionAndAFailedReplacementKeepsThePreviousOnes() throws Exception {
    RecordingHandlers first = new RecordingHandlers();
    ByteArrayOutputStream banner = new ByteArrayOutputStream();
    try (LocalStack stack = wire(LocalStack.builder(), first)
        .exampleRequest("{\"id\":\"1\",\"action\":\"quote\"}")
        .banner(new PrintStream(banner, true, StandardCharsets.UTF_8))
        .start()) {
      assertTrue(banner.toString(StandardCharsets.UTF_8).contains("then send: {\"id\":\"1\",\"action\":\"quote\"}"));
      TestSockets.Received received = new TestSockets.Received();
      WebSocket socket = TestSockets.open(URI.create(stack.webSocketUri() + "?token=good"), received)
          .get(30, TimeUnit.SECONDS);
      socket.sendText("a", true).get(30, TimeUnit.SECONDS);
      assertEquals("echo:a", received.next());
      var dynamoDb = stack.dynamoDb();

      RecordingHandlers second = new RecordingHandlers();
      stack.replaceHandlers(wire(LocalStack.builder(), second).message(runtime -> prefixing("v2:")));
      socket.sendText("b", true).get(30, TimeUnit.SECONDS);
      assertEquals("v2:b", received.next(), "the open connection reaches the new $default handler");
      assertEquals(1, stack.connections().size());
      assertSame(dynamoDb, stack.dynamoDb());

      LocalStack.Builder failing = wire(LocalStack.builder(), new RecordingHandlers())
          .message(runtime -> prefixing("v3:"))
          .sweeper(runtime -> {
            throw new IllegalStateException("does not start");
          });
      assertThrows(IllegalStateException.class, () -> stack.replaceHandlers(failing));
      socket.sendText("c", true).get(30, TimeUnit.SECONDS);
      assertEquals("v2:c", received.next(), "no handler was replaced");

      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
      assertEquals("local", second.disconnects.poll(30, TimeUnit.SECONDS).getRequestContext().getStage(),
          "$disconnect runs on the replaced handlers too");
    }
  }

  private static LocalStack.Builder wire(LocalStack.Builder builder, RecordingHandlers handlers) {
    return builder.connect(handlers::connect).message(handlers::message).disconnect(handlers::disconnect)
        .processor(handlers::processor).sweeper(handlers::sweeper);
  }

  private static RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> prefixing(String prefix) {
    return (event, context) -> {
      APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
      response.setStatusCode(200);
      response.setBody(prefix + event.getBody());
      return response;
    };
  }
}
