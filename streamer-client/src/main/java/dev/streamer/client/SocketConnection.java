package dev.streamer.client;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One WebSocket connection of a {@link StreamerClient}: assembles text messages that arrive in several frames,
 * serializes sends (the JDK WebSocket allows one outstanding send at a time), and reports messages, pongs and the
 * end of the connection to its owner exactly once.
 */
final class SocketConnection implements WebSocket.Listener {

  /** What the owner is told. Called on the socket's thread: the owner hands off at once. */
  interface Events {
    void message(SocketConnection connection, String text);

    void pong(SocketConnection connection);

    void lost(SocketConnection connection, int statusCode, String reason);
  }

  private final Events events;
  private final StringBuilder partial = new StringBuilder();
  private final Object sendLock = new Object();
  private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);
  private volatile WebSocket socket;
  private volatile boolean ended;

  SocketConnection(Events events) {
    this.events = events;
  }

  /** Records the socket once the handshake completed (onOpen may come before or after that). */
  void attach(WebSocket webSocket) {
    this.socket = webSocket;
  }

  /** Sends one text message after every earlier one; completes when written. */
  CompletableFuture<Void> send(String text) {
    synchronized (sendLock) {
      CompletableFuture<Void> sent = sendTail.handle((ignored, failure) -> null)
          .thenCompose(ignored -> socket.sendText(text, true))
          .thenApply(ignored -> null);
      sendTail = sent;
      return sent;
    }
  }

  CompletableFuture<Void> ping() {
    synchronized (sendLock) {
      CompletableFuture<Void> sent = sendTail.handle((ignored, failure) -> null)
          .thenCompose(ignored -> socket.sendPing(ByteBuffer.allocate(0)))
          .thenApply(ignored -> null);
      sendTail = sent;
      return sent;
    }
  }

  /** Closes normally (the client is done). */
  void close() {
    WebSocket current = socket;
    if (current != null && !current.isOutputClosed()) {
      current.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").exceptionally(failure -> {
        current.abort();
        return null;
      });
    }
  }

  /** Drops the connection at once (it stopped answering) and reports it lost. */
  void abort() {
    WebSocket current = socket;
    if (current != null) {
      current.abort();
    }
    end(1006, "no answer to heartbeat");
  }

  private void end(int statusCode, String reason) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    events.lost(this, statusCode, reason);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    this.socket = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String message = partial.toString();
      partial.setLength(0);
      events.message(this, message);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    webSocket.request(1); // the protocol is text; binary messages are not Streamer's
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    events.pong(this);
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    end(statusCode, reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    end(1006, String.valueOf(error.getMessage()));
  }
}
