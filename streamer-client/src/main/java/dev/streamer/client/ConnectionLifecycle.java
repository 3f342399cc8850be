package dev.streamer.client;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Limits;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection of a {@link StreamerClient} over its life: opens it (token, headers, a refused handshake as a typed
 * error), sends or re-attaches the calls in flight when it opens, fails the ones it cannot vouch for when it drops,
 * reconnects with the policy's backoff, and pings to notice a silent drop. Its state is touched on the client's
 * callback thread only; {@link #connectionCount()} may be read from any.
 */
final class ConnectionLifecycle {

  private final StreamerClient.Builder settings;
  private final ExecutorService callbacks;
  private final ScheduledExecutorService timers;
  private final InFlightTable calls;
  private final IncomingMessages incoming;
  private final AtomicInteger connects = new AtomicInteger();
  private final SocketConnection.Events socketEvents = new SocketEvents();
  // The fields below are only touched on the callbacks thread.
  private SocketConnection current;
  private boolean closed;
  private boolean reconnecting;
  private int reconnectAttempts;
  private long lastHeard;

  ConnectionLifecycle(StreamerClient.Builder settings, ExecutorService callbacks, ScheduledExecutorService timers,
      InFlightTable calls, IncomingMessages incoming) {
    this.settings = settings;
    this.callbacks = callbacks;
    this.timers = timers;
    this.calls = calls;
    this.incoming = incoming;
  }

  /** How many times a connection was opened. */
  int connectionCount() {
    return connects.get();
  }

  boolean isOpen() {
    return current != null;
  }

  boolean isClosed() {
    return closed;
  }

  /** A new call was registered: send it now if connected, or try again to connect if reconnecting had given up. */
  void requested(InFlight call) {
    if (closed) {
      call.fail(StreamerClientException.of(ErrorCode.CANCELLED, "client closed", null));
    } else if (current != null) {
      if (call.sentOn == null) { // connected() may have sent it already
        send(call, current);
      }
    } else if (connects.get() > 0 && !reconnecting) {
      reconnectAttempts = 0; // reconnecting had given up: a new request tries again
      scheduleReconnect();
    }
  }

  /** The client closes: every call fails with {@code CANCELLED} and the connection is closed. */
  void close() {
    closed = true;
    for (InFlight call : calls.snapshot()) {
      call.fail(StreamerClientException.of(ErrorCode.CANCELLED, "client closed", call.requestId));
    }
    if (current != null) {
      current.close();
      current = null;
    }
  }

  CompletableFuture<SocketConnection> open() {
    String token = settings.token == null ? null : settings.token.get();
    URI target = settings.endpoint;
    WebSocket.Builder builder = settings.http.newWebSocketBuilder().connectTimeout(settings.connectTimeout);
    if (token != null && settings.tokenPlacement == TokenPlacement.QUERY) {
      target = withQueryParameter(target, "token", token);
      if (target.toASCIIString().length() > Limits.MAX_URL_CHARS) {
        // API Gateway refuses the handshake: say why instead of a bare HTTP status.
        return CompletableFuture.failedFuture(StreamerClientException.of(ErrorCode.VALIDATION_ERROR,
            "the token makes the URL longer than API Gateway's " + Limits.MAX_URL_CHARS
                + " characters; use TokenPlacement.HEADER", null));
      }
    } else if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    settings.headers.forEach(builder::header);
    SocketConnection connection = new SocketConnection(socketEvents);
    return builder.buildAsync(target, connection)
        .handle((socket, failure) -> {
          if (failure != null) {
            throw new CompletionException(connectFailure(failure));
          }
          connection.attach(socket);
          return connection;
        });
  }

  void connected(SocketConnection connection) {
    current = connection;
    connects.incrementAndGet();
    reconnecting = false;
    reconnectAttempts = 0;
    lastHeard = System.nanoTime();
    for (InFlight call : calls.snapshot()) {
      if (call.subscribeFor != null || call.result.isDone()) {
        continue;
      }
      if (call.requestId != null) {
        subscribe(call, connection);
      } else if (call.sentOn == null) {
        send(call, connection);
      }
    }
  }

  private void lost(SocketConnection connection) {
    if (connection != current) {
      return; // an older connection, already replaced
    }
    current = null;
    for (InFlight call : calls.snapshot()) {
      if (call.sentOn != connection || call.result.isDone()) {
        continue;
      }
      if (call.subscribeFor != null || call.requestId == null) {
        // a subscribe is simply sent again on the next connection; a request without acknowledgment cannot be
        call.fail(call.subscribeFor != null ? StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE,
            "connection lost", null) : StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE,
            "connection lost before the reply; the request may or may not have run", null));
      }
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (closed || reconnecting) {
      return;
    }
    if (reconnectAttempts >= settings.reconnect.maxAttempts()) {
      calls.failAll(StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE, "connection lost", null));
      return;
    }
    reconnecting = true;
    reconnectAttempts++;
    timers.schedule(() -> open().whenCompleteAsync((connection, failure) -> {
      reconnecting = false;
      if (closed) {
        if (connection != null) {
          connection.close();
        }
        return;
      }
      if (failure == null) {
        connected(connection);
        return;
      }
      StreamerClientException refused = unwrap(failure);
      if (refused.code() == ErrorCode.UNAUTHORIZED || refused.code() == ErrorCode.FORBIDDEN
          || refused.code() == ErrorCode.VALIDATION_ERROR) {
        calls.failAll(refused); // a new attempt with the same token would be refused again
        return;
      }
      scheduleReconnect();
    }, callbacks), settings.reconnect.delay(reconnectAttempts).toMillis(), TimeUnit.MILLISECONDS);
  }

  void heartbeat() {
    SocketConnection connection = current;
    if (connection == null || closed) {
      return;
    }
    long sentAt = System.nanoTime();
    connection.ping();
    timers.schedule(() -> callbacks.execute(() -> {
      if (current == connection && lastHeard - sentAt < 0) {
        connection.abort();
      }
    }), settings.heartbeatTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void send(InFlight call, SocketConnection connection) {
    call.sentOn = connection;
    connection.send(call.envelope); // a failed send ends in lost(), which decides the request's fate
  }

  private void subscribe(InFlight target, SocketConnection connection) {
    String clientId = calls.nextId("s-");
    String body = "{\"requestId\":" + ClientJson.quote(target.requestId) + "}";
    InFlight subscription = new InFlight(clientId, ClientJson.envelope(clientId, "subscribe", body), null, target);
    calls.add(subscription);
    subscription.timeout = timers.schedule(() -> callbacks.execute(() -> subscription.result.cancel(false)),
        settings.requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    subscription.result.whenComplete((v, e) -> {
      subscription.timeout.cancel(false);
      calls.remove(subscription);
    });
    send(subscription, connection);
  }

  private final class SocketEvents implements SocketConnection.Events {
    @Override
    public void message(SocketConnection connection, String text) {
      execute(() -> {
        lastHeard = System.nanoTime();
        incoming.received(text);
      });
    }

    @Override
    public void pong(SocketConnection connection) {
      execute(() -> lastHeard = System.nanoTime());
    }

    @Override
    public void lost(SocketConnection connection, int statusCode, String reason) {
      execute(() -> ConnectionLifecycle.this.lost(connection));
    }

    private void execute(Runnable task) {
      try {
        callbacks.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // the client is closed: nothing is waiting any more
      }
    }
  }

  private static URI withQueryParameter(URI uri, String name, String value) {
    String parameter = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    String text = uri.toString();
    int fragment = text.indexOf('#');
    String base = fragment < 0 ? text : text.substring(0, fragment);
    return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + parameter);
  }

  private static StreamerClientException connectFailure(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof WebSocketHandshakeException handshake) {
      int status = handshake.getResponse().statusCode();
      ErrorCode code = switch (status) {
        case 401 -> ErrorCode.UNAUTHORIZED;
        case 403 -> ErrorCode.FORBIDDEN;
        case 429 -> ErrorCode.RATE_LIMITED;
        default -> ErrorCode.SERVICE_UNAVAILABLE;
      };
      return StreamerClientException.of(code, "handshake refused with HTTP " + status, null);
    }
    return StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE, "cannot connect: " + cause, null);
  }

  /** The typed failure inside {@code failure}; anything untyped is a failure to connect. */
  static StreamerClientException unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof StreamerClientException typed ? typed : connectFailure(cause);
  }
}
