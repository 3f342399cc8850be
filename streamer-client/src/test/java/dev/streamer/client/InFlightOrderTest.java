package dev.streamer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/**
 * A request's future completes only after the request left {@link StreamerClient#inFlight()}, on every way it can
 * end: result, error, timeout, close. The check runs in a dependent of the caller's future, the first moment a
 * caller can look; it is deterministic (no sleeps): the client's transport is a scripted WebSocket.
 */
class InFlightOrderTest {

  /** Sends are recorded; the test answers through the client's listener. */
  private static final class ScriptedSocket implements WebSocket {
    final List<String> sent = new CopyOnWriteArrayList<>();
    WebSocket.Listener listener;

    @Override public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      sent.add(data.toString());
      return CompletableFuture.completedFuture(this);
    }
    @Override public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) { return done(); }
    @Override public CompletableFuture<WebSocket> sendPing(ByteBuffer message) { return done(); }
    @Override public CompletableFuture<WebSocket> sendPong(ByteBuffer message) { return done(); }
    @Override public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) { return done(); }
    @Override public void request(long n) {}
    @Override public String getSubprotocol() { return ""; }
    @Override public boolean isOutputClosed() { return false; }
    @Override public boolean isInputClosed() { return false; }
    @Override public void abort() {}

    void reply(String text) {
      listener.onText(this, text, true);
    }

    private CompletableFuture<WebSocket> done() {
      return CompletableFuture.completedFuture(this);
    }
  }

  /** Just enough of an {@link HttpClient} to hand the client the scripted socket. */
  private static final class ScriptedHttp extends HttpClient {
    final ScriptedSocket socket = new ScriptedSocket();

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
      return new WebSocket.Builder() {
        @Override public WebSocket.Builder header(String name, String value) { return this; }
        @Override public WebSocket.Builder connectTimeout(Duration timeout) { return this; }
        @Override public WebSocket.Builder subprotocols(String first, String... more) { return this; }

        @Override
        public CompletableFuture<WebSocket> buildAsync(URI uri, WebSocket.Listener listener) {
          socket.listener = listener;
          listener.onOpen(socket);
          return CompletableFuture.completedFuture(socket);
        }
      };
    }

    @Override public Optional<CookieHandler> cookieHandler() { return Optional.empty(); }
    @Override public Optional<Duration> connectTimeout() { return Optional.empty(); }
    @Override public Redirect followRedirects() { return Redirect.NEVER; }
    @Override public Optional<ProxySelector> proxy() { return Optional.empty(); }
    @Override public SSLContext sslContext() { return null; }
    @Override public SSLParameters sslParameters() { return null; }
    @Override public Optional<Authenticator> authenticator() { return Optional.empty(); }
    @Override public Version version() { return Version.HTTP_1_1; }
    @Override public Optional<Executor> executor() { return Optional.empty(); }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
      throw new IOException("not used");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
        HttpResponse.BodyHandler<T> handler) {
      return CompletableFuture.failedFuture(new IOException("not used"));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
        HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
      return CompletableFuture.failedFuture(new IOException("not used"));
    }
  }

  /**
   * Sends one request, lets {@code end} finish it, and returns what {@code inFlight()} said in the first dependent
   * of the caller's future.
   */
  private static int inFlightWhenDone(Duration timeout,
      Function<Ctx, CompletableFuture<?>> end) throws Exception {
    ScriptedHttp http = new ScriptedHttp();
    StreamerClient client = StreamerClient.builder(URI.create("ws://scripted/test")).httpClient(http).build();
    try {
      client.connect().get(10, TimeUnit.SECONDS);
      AtomicInteger seen = new AtomicInteger(-1);
      CompletableFuture<String> call = client.request("job", "{}", null, timeout);
      CompletableFuture<?> observed = call.handle((value, failure) -> {
        seen.set(client.inFlight());
        return null;
      });
      assertEquals(1, client.inFlight());
      end.apply(new Ctx(client, http.socket)).get(10, TimeUnit.SECONDS);
      observed.get(10, TimeUnit.SECONDS);
      assertTrue(call.isDone());
      return seen.get();
    } finally {
      client.close();
    }
  }

  private record Ctx(StreamerClient client, ScriptedSocket socket) {
    /** Replies to the request's id once it was sent (the send happens on the client's thread). */
    CompletableFuture<?> reply(String template) {
      return CompletableFuture.runAsync(() -> {
        while (socket.sent.isEmpty()) {
          Thread.onSpinWait();
        }
        String id = socket.sent.get(0).replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        socket.reply(template.replace("ID", id));
      });
    }
  }

  @Test
  void aResult() throws Exception {
    assertEquals(0, inFlightWhenDone(Duration.ofMinutes(1),
        ctx -> ctx.reply("{\"type\":\"result\",\"id\":\"ID\",\"requestId\":\"r-1\",\"data\":{\"n\":1}}")));
  }

  @Test
  void anError() throws Exception {
    assertEquals(0, inFlightWhenDone(Duration.ofMinutes(1), ctx -> ctx.reply("{\"type\":\"error\",\"id\":\"ID\","
        + "\"requestId\":null,\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"down\"}}")));
  }

  @Test
  void aResultAfterTheAcknowledgment() throws Exception {
    assertEquals(0, inFlightWhenDone(Duration.ofMinutes(1), ctx -> ctx.reply(
        "{\"type\":\"ack\",\"id\":\"ID\",\"requestId\":\"r-2\"}").thenCompose(ignored -> ctx.reply(
        "{\"type\":\"result\",\"requestId\":\"r-2\",\"data\":null}"))));
  }

  @Test
  void aTimeout() throws Exception {
    assertEquals(0, inFlightWhenDone(Duration.ofMillis(50), ctx -> CompletableFuture.completedFuture(null)));
  }

  @Test
  void close() throws Exception {
    assertEquals(0, inFlightWhenDone(Duration.ofMinutes(1), ctx -> CompletableFuture.runAsync(ctx.client::close)));
  }
}
