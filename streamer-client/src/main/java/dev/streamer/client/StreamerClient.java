package dev.streamer.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.json.JsonWriter;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Limits;
import dev.streamer.core.protocol.StreamerError;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Java client of a Streamer WebSocket API, on {@code java.net.http.WebSocket} (no other dependency).
 *
 * <pre>{@code
 * try (StreamerClient client = StreamerClient.builder(URI.create("wss://…/prod")).token(jwt).build()) {
 *   client.connect().join();
 *   String echoed = client.request("echo", "{\"message\":\"hi\"}").join();          // raw result JSON
 *   String report = client.request("generate_report", reportJson,
 *       p -> System.out.printf("%.0f%% %s%n", p.progress() * 100, p.message())).join();
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Server events</b>: {@link #onEvent} listens for {@code @Event} records pushed by actions.
 *   <li><b>Results</b>: a request's future completes with the raw JSON text of the result's {@code data}, or, typed,
 *       with {@link #request(String, Object, JsonWriter, JsonReader, Consumer)}; it fails with a
 *       {@link StreamerClientException} carrying the server's {@link StreamerError}.
 *   <li><b>Matching</b>: every request gets a unique {@code id}; replies, progress and results are matched by it (and
 *       by the server's {@code requestId} after the acknowledgment). Progress that would go backwards is dropped.
 *   <li><b>Timeouts</b>: every request has one (default 2 minutes, or per call); when it passes without a final reply
 *       the future fails with {@code TIMEOUT}. The request itself is not cancelled on the server.
 *   <li><b>Heartbeats</b>: a WebSocket ping every {@code heartbeatInterval} (default 5 min, under API Gateway's
 *       10-minute idle timeout); no pong within {@code heartbeatTimeout} counts as a lost connection.
 *   <li><b>Reconnect</b>: a lost connection is re-opened with exponential backoff and jitter. Then every request
 *       that was acknowledged (queued) is re-attached with the built-in {@code subscribe}, so its remaining progress
 *       and its result arrive; if it finished meanwhile, the subscribe reply carries the outcome. Requests not yet sent
 *       are sent. A request sent but not answered when the connection dropped fails with {@code
 *       SERVICE_UNAVAILABLE} (retryable), because the client cannot know whether the server ran it.
 *   <li><b>Token</b>: a JWT in the query ({@code ?token=}, the default, as browsers must) or an {@code Authorization}
 *       header; a supplier is asked again on every reconnect, so a refreshed token is used. A refused handshake (401,
 *       403) fails with {@code UNAUTHORIZED}/{@code FORBIDDEN} and is not retried.
 * </ul>
 *
 * <p>Callbacks ({@link RequestListener}, progress consumers) and the completion of futures run on one client thread,
 * in arrival order; keep them short. The client is thread-safe.
 */
public final class StreamerClient implements AutoCloseable {

  private final Builder settings;
  private final ExecutorService callbacks;
  private final ScheduledExecutorService timers;
  private final Map<String, InFlight> byId = new ConcurrentHashMap<>();
  private final Map<String, InFlight> byRequestId = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicInteger connects = new AtomicInteger();
  private final SocketConnection.Events socketEvents = new SocketEvents();
  private final EventListeners events = new EventListeners();
  // The fields below are only touched on the callbacks thread.
  private SocketConnection current;
  private boolean closed;
  private boolean reconnecting;
  private int reconnectAttempts;
  private long lastHeard;

  private StreamerClient(Builder settings) {
    this.settings = settings;
    this.callbacks = Executors.newSingleThreadExecutor(daemon("streamer-client-callbacks"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemon("streamer-client-timers"));
    long heartbeat = settings.heartbeatInterval.toMillis();
    timers.scheduleAtFixedRate(() -> callbacks.execute(this::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
  }

  public static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  /**
   * Opens the connection. Fails with {@link StreamerClientException}: {@code UNAUTHORIZED}/{@code FORBIDDEN} when the
   * handshake is refused, {@code SERVICE_UNAVAILABLE} when the server cannot be reached. Requests made before it
   * completes wait and are sent once connected.
   */
  public CompletableFuture<Void> connect() {
    return open().thenAcceptAsync(connection -> {
      if (closed) {
        connection.close();
        throw new CompletionException(StreamerClientException.of(ErrorCode.CANCELLED, "client closed", null));
      }
      connected(connection);
    }, callbacks);
  }

  /** Whether a connection is open now. */
  public boolean isConnected() {
    return onCallbacks(() -> current != null);
  }

  /** How many times a connection was opened: 1 after {@link #connect()}, plus one per reconnect. */
  public int connectionCount() {
    return connects.get();
  }

  /** Requests waiting for their final reply. */
  public int inFlight() {
    return (int) byId.values().stream().filter(c -> c.subscribeFor == null).count();
  }

  /** Sends {@code action} without a payload. */
  public CompletableFuture<String> request(String action) {
    return request(action, null, null, settings.requestTimeout);
  }

  /** Sends {@code action} with {@code payloadJson} (raw JSON, or null for none); completes with the raw result JSON. */
  public CompletableFuture<String> request(String action, String payloadJson) {
    return request(action, payloadJson, null, settings.requestTimeout);
  }

  /** As {@link #request(String, String)}, calling {@code onProgress} for each progress report. */
  public CompletableFuture<String> request(String action, String payloadJson, Consumer<ProgressUpdate> onProgress) {
    RequestListener listener = onProgress == null ? null : new RequestListener() {
      @Override
      public void onProgress(ProgressUpdate update) {
        onProgress.accept(update);
      }
    };
    return request(action, payloadJson, listener, settings.requestTimeout);
  }

  /** Typed: the payload written with {@code payloadWriter}, the result read with {@code resultReader}. */
  public <P, R> CompletableFuture<R> request(String action, P payload, JsonWriter<P> payloadWriter,
      JsonReader<R> resultReader, Consumer<ProgressUpdate> onProgress) {
    String payloadJson = payload == null ? null : JsonWrite.toJson(payloadWriter, payload);
    return request(action, payloadJson, onProgress).thenApply(raw -> readResult(raw, resultReader));
  }

  /**
   * The full form: {@code listener} (may be null) hears the acknowledgment and progress; the future fails with
   * {@code TIMEOUT} after {@code timeout} without a final reply (per attempt). A {@code RATE_LIMITED} refusal is
   * retried as {@link Builder#rateLimitRetry} says (default: not at all).
   */
  public CompletableFuture<String> request(String action, String payloadJson, RequestListener listener,
      Duration timeout) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(timeout, "timeout");
    if (payloadJson != null && !isOneJsonValue(payloadJson)) {
      return CompletableFuture.failedFuture(
          StreamerClientException.of(ErrorCode.VALIDATION_ERROR, "payload is not one JSON value", null));
    }
    return attempt(action, payloadJson, listener, timeout, 1);
  }

  private CompletableFuture<String> attempt(String action, String payloadJson, RequestListener listener,
      Duration timeout, int attempt) {
    String clientId = "c-" + ids.incrementAndGet();
    InFlight call = new InFlight(clientId, envelope(clientId, action, payloadJson), listener, null);
    CompletableFuture<String> once = start(call, timeout);
    if (settings.rateLimitRetry.maxAttempts() == 0) {
      return once;
    }
    return once.exceptionallyCompose(failure -> {
      Duration wait = settings.rateLimitRetry.waitBefore(unwrap(failure), attempt, java.time.Instant.now());
      if (wait == null) {
        return CompletableFuture.failedFuture(failure);
      }
      CompletableFuture<String> next = new CompletableFuture<>();
      try {
        timers.schedule(() -> attempt(action, payloadJson, listener, timeout, attempt + 1).whenComplete(
            (value, again) -> {
              if (again == null) {
                next.complete(value);
              } else {
                next.completeExceptionally(again);
              }
            }), wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException afterClose) {
        next.completeExceptionally(StreamerClientException.of(ErrorCode.CANCELLED, "client closed", null));
      }
      return next;
    });
  }

  /**
   * Registers and sends {@code call}; returns the future the caller sees. It completes only after the call was
   * removed from the in-flight maps, whichever way it ended (result, error, timeout, close): a caller that asks
   * {@link #inFlight()} as soon as its future completes never counts it. (A second dependent of {@code call.result}
   * would not do: a {@code CompletableFuture} runs its dependents last-registered first.)
   */
  private CompletableFuture<String> start(InFlight call, Duration timeout) {
    byId.put(call.clientId, call);
    call.timeout = timers.schedule(() -> callbacks.execute(() -> fail(call, StreamerClientException.of(
        ErrorCode.TIMEOUT, "no final reply within " + timeout, call.requestId))), timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    CompletableFuture<String> retired = call.result.whenComplete((value, failure) -> {
      call.timeout.cancel(false);
      byId.remove(call.clientId, call);
      if (call.requestId != null) {
        byRequestId.remove(call.requestId, call);
      }
    });
    try {
      callbacks.execute(() -> {
        if (closed) {
          fail(call, StreamerClientException.of(ErrorCode.CANCELLED, "client closed", null));
        } else if (current != null) {
          if (call.sentOn == null) { // connected() may have sent it already
            send(call, current);
          }
        } else if (connects.get() > 0 && !reconnecting) {
          reconnectAttempts = 0; // reconnecting had given up: a new request tries again
          scheduleReconnect();
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException afterClose) {
      call.result.completeExceptionally(StreamerClientException.of(ErrorCode.CANCELLED, "client closed", null));
    }
    return retired;
  }

  /**
   * Calls {@code listener} with every server event of {@code type} ({@code {"type":"event","event":…}}), decoded by
   * the record's generated reader, on the client's callback thread:
   * {@code client.onEvent(SampleEvents.ANNOUNCEMENT, a -> show(a.text()))}. Returns an action that removes the
   * listener. Data that does not decode, or a listener that throws, is logged and skipped.
   */
  public <E extends Record> Runnable onEvent(dev.streamer.core.event.EventType<E> type, Consumer<? super E> listener) {
    Objects.requireNonNull(type, "type");
    return onEvent(type.name(), type.reader(), listener);
  }

  /** As {@link #onEvent(dev.streamer.core.event.EventType, Consumer)}, by event name and reader. */
  public <E> Runnable onEvent(String event, JsonReader<E> reader, Consumer<? super E> listener) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(listener, "listener");
    return events.add(event, reader, listener);
  }

  /** Fails every request with {@code CANCELLED}, closes the connection and stops the client's threads. */
  @Override
  public void close() {
    try {
      callbacks.submit(() -> {
        closed = true;
        for (InFlight call : List.copyOf(byId.values())) {
          fail(call, StreamerClientException.of(ErrorCode.CANCELLED, "client closed", call.requestId));
        }
        if (current != null) {
          current.close();
          current = null;
        }
      }).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
      return;
    } catch (Exception e) {
      // best effort: the threads are stopped below either way
    }
    timers.shutdownNow();
    callbacks.shutdown();
  }

  // ------------------------------------------------------------------ connection lifecycle (callbacks thread)

  private CompletableFuture<SocketConnection> open() {
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

  private void connected(SocketConnection connection) {
    current = connection;
    connects.incrementAndGet();
    reconnecting = false;
    reconnectAttempts = 0;
    lastHeard = System.nanoTime();
    for (InFlight call : List.copyOf(byId.values())) {
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
    for (InFlight call : List.copyOf(byId.values())) {
      if (call.sentOn != connection || call.result.isDone()) {
        continue;
      }
      if (call.subscribeFor != null || call.requestId == null) {
        // a subscribe is simply sent again on the next connection; a request without acknowledgment cannot be
        fail(call, call.subscribeFor != null ? StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE,
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
      failAll(StreamerClientException.of(ErrorCode.SERVICE_UNAVAILABLE, "connection lost", null));
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
        failAll(refused); // a new attempt with the same token would be refused again
        return;
      }
      scheduleReconnect();
    }, callbacks), settings.reconnect.delay(reconnectAttempts).toMillis(), TimeUnit.MILLISECONDS);
  }

  private void heartbeat() {
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

  // ------------------------------------------------------------------ requests (callbacks thread)

  private void send(InFlight call, SocketConnection connection) {
    call.sentOn = connection;
    connection.send(call.envelope); // a failed send ends in lost(), which decides the request's fate
  }

  private void subscribe(InFlight target, SocketConnection connection) {
    String clientId = "s-" + ids.incrementAndGet();
    String body = "{\"requestId\":" + quote(target.requestId) + "}";
    InFlight subscription = new InFlight(clientId, envelope(clientId, "subscribe", body), null, target);
    byId.put(clientId, subscription);
    subscription.timeout = timers.schedule(() -> callbacks.execute(() -> subscription.result.cancel(false)),
        settings.requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    subscription.result.whenComplete((v, e) -> {
      subscription.timeout.cancel(false);
      byId.remove(clientId, subscription);
    });
    send(subscription, connection);
  }

  private void received(String text) {
    lastHeard = System.nanoTime();
    if (settings.messageListener != null) {
      settings.messageListener.accept(text);
    }
    ServerMessage message = ServerMessage.parse(text);
    if (message.type() == null) {
      return;
    }
    if ("event".equals(message.type())) {
      events.dispatch(message.event(), message.data());
      return;
    }
    InFlight call = message.id() == null ? null : byId.get(message.id());
    if (call == null && message.requestId() != null) {
      call = byRequestId.get(message.requestId());
    }
    if (call == null || call.result.isDone()) {
      return; // a late message of a finished request
    }
    if (call.subscribeFor != null) {
      subscribed(call, message);
      return;
    }
    if (message.requestId() != null && call.requestId == null) {
      call.requestId = message.requestId();
      byRequestId.put(call.requestId, call);
      if (call.listener != null && "ack".equals(message.type())) {
        call.listener.onAck(call.requestId);
      }
    }
    switch (message.type()) {
      case "progress" -> progress(call, message.progress(), message.message());
      case "result" -> call.result.complete(message.data() == null ? "null" : message.data());
      case "error" -> fail(call, new StreamerClientException(message.error() != null ? message.error()
          : StreamerError.of(ErrorCode.INTERNAL_ERROR, "error without details"), message.requestId()));
      default -> { } // ack handled above; unknown types are ignored for forward compatibility
    }
  }

  private void subscribed(InFlight subscription, ServerMessage message) {
    InFlight target = subscription.subscribeFor;
    subscription.result.complete(message.type());
    if (target.result.isDone()) {
      return;
    }
    if ("error".equals(message.type())) {
      fail(target, new StreamerClientException(message.error() != null ? message.error()
          : StreamerError.of(ErrorCode.INTERNAL_ERROR, "subscribe failed"), target.requestId));
      return;
    }
    if (!"result".equals(message.type()) || message.data() == null) {
      return;
    }
    StatusSnapshot status;
    try {
      status = StatusSnapshot.parse(message.data());
    } catch (IllegalArgumentException malformed) {
      return; // the result still arrives by itself if the request completes later
    }
    if (status.completed()) {
      target.result.complete(status.result() == null ? "null" : status.result());
    } else if (status.failed()) {
      fail(target, new StreamerClientException(status.failure(), target.requestId));
    } else if (!Double.isNaN(status.progress())) {
      progress(target, status.progress(), status.message());
    }
  }

  private void progress(InFlight call, double progress, String message) {
    if (Double.isNaN(progress) || progress <= call.lastProgress) {
      return;
    }
    call.lastProgress = progress;
    if (call.listener != null) {
      call.listener.onProgress(new ProgressUpdate(call.requestId, progress, message));
    }
  }

  private void fail(InFlight call, StreamerClientException failure) {
    call.result.completeExceptionally(failure);
  }

  private void failAll(StreamerClientException failure) {
    for (InFlight call : List.copyOf(byId.values())) {
      fail(call, new StreamerClientException(failure.error(), call.requestId));
    }
  }

  private final class SocketEvents implements SocketConnection.Events {
    @Override
    public void message(SocketConnection connection, String text) {
      execute(() -> received(text));
    }

    @Override
    public void pong(SocketConnection connection) {
      execute(() -> lastHeard = System.nanoTime());
    }

    @Override
    public void lost(SocketConnection connection, int statusCode, String reason) {
      execute(() -> StreamerClient.this.lost(connection));
    }

    private void execute(Runnable task) {
      try {
        callbacks.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // the client is closed: nothing is waiting any more
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private <T> T onCallbacks(Supplier<T> query) {
    try {
      return callbacks.submit(query::get).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("client is closed or busy", e);
    }
  }

  private static <R> R readResult(String raw, JsonReader<R> reader) {
    try (JsonParser p = Json.FACTORY.createParser(raw)) {
      p.nextToken();
      return reader.read(p);
    } catch (IOException e) {
      throw new CompletionException(StreamerClientException.of(ErrorCode.INTERNAL_ERROR,
          "result could not be read: " + e.getMessage(), null));
    }
  }

  private static boolean isOneJsonValue(String json) {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String envelope(String clientId, String action, String payloadJson) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", clientId);
      g.writeStringField("action", action);
      if (payloadJson != null) {
        g.writeFieldName("payload");
        g.writeRawValue(payloadJson);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String quote(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
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

  private static StreamerClientException unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof StreamerClientException typed ? typed : connectFailure(cause);
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Settings of a {@link StreamerClient}. */
  public static final class Builder {
    private final URI endpoint;
    private Supplier<String> token;
    private TokenPlacement tokenPlacement = TokenPlacement.QUERY;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Duration requestTimeout = Duration.ofMinutes(2);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration heartbeatInterval = Duration.ofMinutes(5);
    private Duration heartbeatTimeout = Duration.ofSeconds(30);
    private ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
    private RateLimitRetry rateLimitRetry = RateLimitRetry.OFF;
    private HttpClient http;
    private Consumer<String> messageListener;

    private Builder(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The JWT, sent on every (re)connect. */
    public Builder token(String v) {
      Objects.requireNonNull(v, "token");
      this.token = () -> v;
      return this;
    }

    /** Asked for the JWT on every (re)connect, so an expiring token can be refreshed. */
    public Builder token(Supplier<String> v) {
      this.token = Objects.requireNonNull(v, "token");
      return this;
    }

    /** Query parameter {@code token} (default) or {@code Authorization: Bearer} header. */
    public Builder tokenPlacement(TokenPlacement v) {
      this.tokenPlacement = Objects.requireNonNull(v);
      return this;
    }

    /** An extra handshake header. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /** Default time a request may take to its final reply (acknowledgment and progress do not extend it). */
    public Builder requestTimeout(Duration v) {
      this.requestTimeout = Objects.requireNonNull(v);
      return this;
    }

    public Builder connectTimeout(Duration v) {
      this.connectTimeout = Objects.requireNonNull(v);
      return this;
    }

    /** Time between pings; keep it under the server's idle timeout (API Gateway: 10 minutes). */
    public Builder heartbeatInterval(Duration v) {
      if (v.isZero() || v.isNegative()) {
        throw new IllegalArgumentException("heartbeatInterval must be positive");
      }
      this.heartbeatInterval = v;
      return this;
    }

    /** How long a ping may go unanswered before the connection counts as lost. */
    public Builder heartbeatTimeout(Duration v) {
      this.heartbeatTimeout = Objects.requireNonNull(v);
      return this;
    }

    public Builder reconnect(ReconnectPolicy v) {
      this.reconnect = Objects.requireNonNull(v);
      return this;
    }

    /** Whether to wait for {@code retry.after} and send again when refused with RATE_LIMITED; default: off. */
    public Builder rateLimitRetry(RateLimitRetry v) {
      this.rateLimitRetry = Objects.requireNonNull(v);
      return this;
    }

    /** The HTTP client to open WebSockets with; default: a new one. */
    public Builder httpClient(HttpClient v) {
      this.http = Objects.requireNonNull(v);
      return this;
    }

    /** Hears every message received, raw, before it is matched (logging, debugging, tests). */
    public Builder messageListener(Consumer<String> v) {
      this.messageListener = v;
      return this;
    }

    public StreamerClient build() {
      if (http == null) {
        http = HttpClient.newHttpClient();
      }
      return new StreamerClient(this);
    }
  }
}
