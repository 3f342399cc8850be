package dev.streamer.local.gateway;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One open client connection of the gateway: the Jetty endpoint of the socket, plus what API Gateway knows about it
 * (id, connect time, source, last activity).
 */
public final class GatewayConnection implements Session.Listener.AutoDemanding {

  /** What the gateway does with the socket's events. */
  interface Events {
    void opened(GatewayConnection connection);

    void text(GatewayConnection connection, String message);

    void binary(GatewayConnection connection, ByteBuffer message);

    void closed(GatewayConnection connection, int statusCode, String reason);
  }

  private final String connectionId;
  private final Instant connectedAt;
  private final String sourceIp;
  private final String userAgent;
  /** Characters per outgoing frame: at most 32 KB of UTF-8 (up to four bytes per character). */
  static final int FRAME_CHARS = 8 * 1024;

  private final Events events;
  private final Object sendLock = new Object();
  private CompletableFuture<Void> sendTail = CompletableFuture.completedFuture(null);
  private volatile Instant lastActiveAt;
  /** Set when the server closes the socket: messages still in flight reach no route. */
  private volatile boolean closing;
  private volatile Session session;

  GatewayConnection(String connectionId, Instant connectedAt, String sourceIp, String userAgent, Events events) {
    this.connectionId = connectionId;
    this.connectedAt = connectedAt;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
    this.events = events;
    this.lastActiveAt = connectedAt;
  }

  public String connectionId() {
    return connectionId;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public String sourceIp() {
    return sourceIp;
  }

  public String userAgent() {
    return userAgent;
  }

  public Instant lastActiveAt() {
    return lastActiveAt;
  }

  /**
   * Sends one text message, in frames of at most {@link #FRAME_CHARS} characters as API Gateway splits messages into
   * 32 KB frames; completes when written, fails when the socket is gone. Messages to one connection are written one
   * after the other, never interleaved.
   */
  CompletableFuture<Void> send(String text) {
    return enqueue(current -> {
      CompletableFuture<Void> sent = new CompletableFuture<>();
      sendFrom(current, text, 0, sent);
      return sent;
    });
  }

  /** Sends one binary message (a posted body that is not UTF-8 text). */
  CompletableFuture<Void> send(ByteBuffer bytes) {
    return enqueue(current -> {
      CompletableFuture<Void> sent = new CompletableFuture<>();
      current.sendBinary(bytes, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
      return sent;
    });
  }

  private CompletableFuture<Void> enqueue(java.util.function.Function<Session, CompletableFuture<Void>> write) {
    lastActiveAt = Instant.now();
    synchronized (sendLock) {
      CompletableFuture<Void> sent = sendTail.handle((ignored, failure) -> null).thenCompose(ignored -> {
        Session current = session;
        if (current == null || !current.isOpen()) {
          return CompletableFuture.failedFuture(new IllegalStateException("connection closed"));
        }
        return write.apply(current);
      });
      sendTail = sent;
      return sent;
    }
  }

  private static void sendFrom(Session session, String text, int start, CompletableFuture<Void> sent) {
    int end = Math.min(text.length(), start + FRAME_CHARS);
    if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--; // never split a surrogate pair across frames
    }
    boolean last = end == text.length();
    int next = end;
    Callback written = Callback.from(() -> {
      if (last) {
        sent.complete(null);
      } else {
        sendFrom(session, text, next, sent);
      }
    }, sent::completeExceptionally);
    if (start == 0 && last) {
      session.sendText(text, written);
    } else {
      session.sendPartialText(text.substring(start, end), last, written);
    }
  }

  /**
   * Closes the socket from the server side (a {@code DELETE} on {@code @connections}, a binary frame, or a shutdown);
   * from then on the connection routes no message, as on API Gateway.
   */
  void close(int statusCode, String reason) {
    closing = true;
    Session current = session;
    if (current != null) {
      current.close(statusCode, reason, Callback.NOOP);
    }
  }

  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    events.opened(this);
  }

  @Override
  public void onWebSocketText(String message) {
    lastActiveAt = Instant.now();
    if (!closing) { // a message that arrives while the server closes the socket is dropped
      events.text(this, message);
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    lastActiveAt = Instant.now();
    ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
    callback.succeed();
    events.binary(this, copy);
  }

  @Override
  public void onWebSocketPing(ByteBuffer payload) {
    lastActiveAt = Instant.now();
    Session current = session;
    if (current != null) {
      // answered here because a listener that handles pings replaces Jetty's automatic pong
      current.sendPong(payload, Callback.NOOP);
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    events.closed(this, statusCode, reason);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    // Jetty follows every error with onWebSocketClose, where the connection is cleaned up.
  }
}
