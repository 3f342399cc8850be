package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.streamer.local.LocalStack;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.client.TokenPlacement;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad tokens, malformed and oversize frames each get a typed error, never a stack trace, and a bystander client keeps
 * being served throughout.
 */
@StreamerTest(SampleRouteTable.class)
class BadInputTest {

  private static TestStack testStack;

  private static StreamerClient bystander;

  @BeforeAll
  static void connectBystander(TestStack stack) throws Exception {
    testStack = stack;
    bystander = testStack.client("bystander", "dev-tenant").build();
    bystander.connect().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void closeBystander() throws Exception {
    assertStillServed();
    bystander.close();
  }

  private static void assertStillServed() throws Exception {
    String echoed = bystander.request("echo", "{\"message\":\"still here\"}").get(30, TimeUnit.SECONDS);
    assertEquals("still here", Frames.fields(echoed).get("message"));
  }

  @Test
  void badTokensAreRefusedWith401AndUnauthorized() throws Exception {
    LocalStack stack = testStack.local();
    String wrongKey = JWT.create().withSubject("dev-user").withClaim("tenant_id", "dev-tenant")
        .withExpiresAt(Instant.now().plusSeconds(600))
        .sign(Algorithm.HMAC256("another-secret-that-is-long-enough-for-hs256"));
    String expired = stack.mintToken("dev-user", "dev-tenant", Duration.ofHours(-1));
    String unsigned = JWT.create().withSubject("dev-user").withClaim("tenant_id", "dev-tenant")
        .withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.none());
    for (String token : new String[] {"not-a-jwt", wrongKey, expired, unsigned}) {
      assertRefused(URI.create(stack.webSocketUri() + "?token=" + token));
      for (TokenPlacement placement : TokenPlacement.values()) {
        try (StreamerClient client = StreamerClient.builder(stack.webSocketUri()).token(token)
            .tokenPlacement(placement).build()) {
          ExecutionException failed = assertThrows(ExecutionException.class,
              () -> client.connect().get(30, TimeUnit.SECONDS));
          StreamerClientException error = assertInstanceOf(StreamerClientException.class, failed.getCause());
          assertEquals(ErrorCode.UNAUTHORIZED, error.code(), token);
        }
      }
    }
    assertRefused(stack.webSocketUri()); // no token at all
    assertStillServed();
  }

  @Test
  void theRefusedHandshakeCarriesATypedUnauthorizedError() throws Exception {
    URI uri = testStack.local().webSocketUri();
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      String request = "GET " + uri.getPath() + "?token=expired.or.wrong HTTP/1.1\r\n"
          + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
          + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = readResponse(socket.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 401"), response);
      String body = response.substring(response.indexOf("\r\n\r\n") + 4);
      assertEquals("UNAUTHORIZED", Frames.fields(body, "error").get("code"), response);
      assertTrue(!body.contains("Exception"), body);
    }
  }

  /** Status line, headers and a Content-Length body: the connection stays open (keep-alive), so read no further. */
  private static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Test
  void aTokenInTheAuthorizationHeaderIsAccepted() throws Exception {
    try (StreamerClient client = testStack.client("header-user", "dev-tenant")
        .tokenPlacement(TokenPlacement.HEADER).build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      String echoed = client.request("echo", "{\"message\":\"by header\"}").get(30, TimeUnit.SECONDS);
      assertEquals("header-user", Frames.fields(echoed).get("userId"));
    }
  }

  @Test
  void malformedAndUnknownFramesGetTypedErrorsOnALiveConnection() throws Exception {
    Raw raw = Raw.open(testStack.local().webSocketUri() + "?token=" + testStack.local().devToken());
    try {
      assertError(raw.exchange("{not json"), ErrorCode.VALIDATION_ERROR);
      assertError(raw.exchange("[1,2,3]"), ErrorCode.VALIDATION_ERROR);
      assertError(raw.exchange("{\"id\":\"u-1\",\"action\":\"no_such_action\"}"), ErrorCode.INVALID_ACTION);
      assertError(raw.exchange("{\"id\":\"d-1\",\"action\":\"echo\",\"payload\":" + "[".repeat(200)
          + "]".repeat(200) + "}"), ErrorCode.VALIDATION_ERROR);
      assertStillServed();

      String after = raw.exchange("{\"id\":\"ok-1\",\"action\":\"echo\",\"payload\":{\"message\":\"fine\"}}");
      assertEquals("result", Frames.fields(after).get("type"), after);
      assertEquals("ok-1", Frames.fields(after).get("id"));
    } finally {
      raw.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }

  @Test
  void aClientPayloadThatIsNotJsonFailsBeforeSending() {
    CompletionException failed = assertThrows(CompletionException.class,
        () -> bystander.request("echo", "{\"message\":").join());
    assertEquals(ErrorCode.VALIDATION_ERROR,
        assertInstanceOf(StreamerClientException.class, failed.getCause()).code());
  }

  private static void assertError(String reply, ErrorCode code) {
    Map<String, String> message = Frames.fields(reply);
    assertEquals("error", message.get("type"), reply);
    Map<String, String> error = Frames.fields(reply, "error");
    assertEquals(code.name(), error.get("code"), reply);
    assertNotNull(error.get("message"));
    assertTrue(!reply.contains("Exception") && !reply.contains("\tat "), "no internals: " + reply);
  }

  private static void assertRefused(URI uri) {
    CompletionException failed = assertThrows(CompletionException.class,
        () -> HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {}).join());
    WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, failed.getCause());
    assertEquals(401, handshake.getResponse().statusCode());
  }

  /** A raw socket: one text frame out, the next whole message in. */
  @Test
  void aMessageOverApiGatewaysLimitClosesOnlyItsConnectionWith1009() throws Exception {
    Raw raw = Raw.open(testStack.local().webSocketUri() + "?token=" + testStack.local().devToken());
    String oversize = "{\"id\":\"o-1\",\"action\":\"echo\",\"payload\":{\"message\":\"" + "x".repeat(200 * 1024)
        + "\"}}";
    // in 16 KB frames, each within API Gateway's 32 KB frame limit: the message as a whole is over its 128 KB
    for (int start = 0; start < oversize.length(); start += 16 * 1024) {
      int end = Math.min(oversize.length(), start + 16 * 1024);
      raw.socket.sendText(oversize.substring(start, end), end == oversize.length()).get(30, TimeUnit.SECONDS);
    }
    assertEquals(1009, raw.closed.get(30, TimeUnit.SECONDS), "API Gateway's close code for a message over 128 KB");
    assertTrue(raw.received.isEmpty(), "no reply: the message never reached $default");
    assertStillServed();
  }

  private static final class Raw implements WebSocket.Listener {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    static Raw open(String uri) throws Exception {
      Raw raw = new Raw();
      raw.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(uri), raw)
          .get(30, TimeUnit.SECONDS);
      return raw;
    }

    String exchange(String text) throws Exception {
      socket.sendText(text, true).get(30, TimeUnit.SECONDS);
      String reply = received.poll(30, TimeUnit.SECONDS);
      assertNotNull(reply, "no reply to " + text.substring(0, Math.min(80, text.length())));
      return reply;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }
  }
}
