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

  /**
   * Sends {@code payloadBytes} of text in exactly one frame over a raw socket (the JDK client may fragment what it
   * sends) and returns the status code of the close frame the server answers with, or -1 when it answered otherwise.
   */
  static int sendOneFrame(URI uri, int payloadBytes) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      String key = java.util.Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      java.io.OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
          + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
          + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.flush();
      java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
      StringBuilder headers = new StringBuilder();
      while (!headers.toString().endsWith("\r\n\r\n")) {
        headers.append((char) in.readUnsignedByte());
      }
      if (!headers.toString().startsWith("HTTP/1.1 101")) {
        throw new IllegalStateException("handshake refused: " + headers);
      }
      byte[] mask = {1, 2, 3, 4};
      java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
      frame.write(0x81); // FIN + text
      frame.write(0x80 | 127); // masked, 64-bit length
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payloadBytes >>> shift) & 0xff);
      }
      frame.write(mask);
      for (int i = 0; i < payloadBytes; i++) {
        frame.write('z' ^ mask[i % 4]);
      }
      out.write(frame.toByteArray());
      out.flush();
      int first = in.readUnsignedByte();
      int length = in.readUnsignedByte() & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      }
      if ((first & 0x0f) != 0x8 || length < 2) {
        return -1;
      }
      return in.readUnsignedShort();
    }
  }
}
