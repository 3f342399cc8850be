package dev.streamer.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw JDK WebSocket that queues what it receives, for driving the gateway directly. */
final class TestSockets {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  private TestSockets() {}

  static final class Received implements WebSocket.Listener {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final java.util.concurrent.atomic.AtomicInteger unfinishedParts = new java.util.concurrent.atomic.AtomicInteger();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (!last) {
        unfinishedParts.incrementAndGet();
      }
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }

    String next() throws InterruptedException {
      String text = texts.poll(30, TimeUnit.SECONDS);
      if (text == null) {
        throw new AssertionError("no message within 30 s");
      }
      return text;
    }
  }

  static CompletableFuture<WebSocket> open(URI uri, Received listener, String... subprotocols) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    return builder.buildAsync(uri, listener);
  }
}
