package dev.streamer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Limits;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token in the query must keep the URL within API Gateway's 4096 characters; the client says so before trying. */
class TokenPlacementTest {

  private HttpServer server;
  private final AtomicInteger handshakes = new AtomicInteger();
  private URI endpoint;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/local", exchange -> {
      handshakes.incrementAndGet();
      exchange.sendResponseHeaders(401, -1); // refuses every handshake: only whether one arrived matters
      exchange.close();
    });
    server.start();
    endpoint = URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/local");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ErrorCode connectWith(String token, TokenPlacement placement) throws Exception {
    try (StreamerClient client = StreamerClient.builder(endpoint).token(token).tokenPlacement(placement).build()) {
      ExecutionException failed = assertThrows(ExecutionException.class,
          () -> client.connect().get(30, TimeUnit.SECONDS));
      return assertInstanceOf(StreamerClientException.class, failed.getCause()).code();
    }
  }

  @Test
  void aQueryTokenThatFitsIsSent() throws Exception {
    String token = "t".repeat(Limits.MAX_URL_CHARS - (endpoint + "?token=").length());
    assertEquals(ErrorCode.UNAUTHORIZED, connectWith(token, TokenPlacement.QUERY));
    assertEquals(1, handshakes.get());
  }

  @Test
  void aQueryTokenOneCharacterTooLongFailsWithValidationErrorAndNoHandshake() throws Exception {
    String token = "t".repeat(Limits.MAX_URL_CHARS - (endpoint + "?token=").length() + 1);
    assertEquals(ErrorCode.VALIDATION_ERROR, connectWith(token, TokenPlacement.QUERY));
    assertEquals(ErrorCode.VALIDATION_ERROR, connectWith("t".repeat(15 * 1024), TokenPlacement.QUERY));
    assertEquals(0, handshakes.get());
  }

  @Test
  void theSameTokenInTheHeaderIsSent() throws Exception {
    assertEquals(ErrorCode.UNAUTHORIZED, connectWith("t".repeat(15 * 1024), TokenPlacement.HEADER));
    assertEquals(1, handshakes.get());
  }
}
