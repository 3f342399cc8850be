package dev.streamer.client;

import static dev.streamer.client.ClientJson.envelope;
import static dev.streamer.client.ClientJson.isOneJsonValue;
import static dev.streamer.client.ClientJson.readResult;
import static dev.streamer.client.ConnectionLifecycle.unwrap;

import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWrite;
import dev.streamer.core.json.JsonWriter;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Limits;
import dev.streamer.core.protocol.StreamerError;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
  private final InFlightTable calls = new InFlightTable();
  private final EventListeners events = new EventListeners();
  private final ConnectionLifecycle link;

  private StreamerClient(Builder settings) {
    this.settings = settings;
    this.callbacks = Executors.newSingleThreadExecutor(daemon("streamer-client-callbacks"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemon("streamer-client-timers"));
    this.link = new ConnectionLifecycle(settings, callbacks, timers, calls,
        new IncomingMessages(settings, calls, events));
    long heartbeat = settings.heartbeatInterval.toMillis();
    timers.scheduleAtFixedRate(() -> callbacks.execute(link::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
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
    return link.open().thenAcceptAsync(connection -> {
      if (link.isClosed()) {
        connection.close();
        throw new CompletionException(StreamerClientException.of(ErrorCode.CANCELLED, "client closed", null));
      }
      link.connected(connection);
    }, callbacks);
  }

  /** Whether a connection is open now. */
  public boolean isConnected() {
    return onCallbacks(link::isOpen);
  }

  /** How many times a connection was opened: 1 after {@link #connect()}, plus one per reconnect. */
  public int connectionCount() {
    return link.connectionCount();
  }

  /** Requests waiting for their final reply. */
  public int inFlight() {
    return calls.requests();
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
    String clientId = calls.nextId("c-");
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
    calls.add(call);
    call.timeout = timers.schedule(() -> callbacks.execute(() -> call.fail(StreamerClientException.of(
        ErrorCode.TIMEOUT, "no final reply within " + timeout, call.requestId))), timeout.toMillis(),
        TimeUnit.MILLISECONDS);
    CompletableFuture<String> retired = call.result.whenComplete((value, failure) -> {
      call.timeout.cancel(false);
      calls.remove(call);
    });
    try {
      callbacks.execute(() -> link.requested(call));
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
      callbacks.submit(link::close).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.RejectedExecutionException alreadyClosed) {
      return;
    } catch (Exception e) {
      // best effort: the threads are stopped below either way
    }
    timers.shutdownNow();
    callbacks.shutdown();
  }

  // ------------------------------------------------------------------ helpers

  private <T> T onCallbacks(Supplier<T> query) {
    try {
      return callbacks.submit(query::get).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("client is closed or busy", e);
    }
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
    final URI endpoint;
    Supplier<String> token;
    TokenPlacement tokenPlacement = TokenPlacement.QUERY;
    final Map<String, String> headers = new LinkedHashMap<>();
    Duration requestTimeout = Duration.ofMinutes(2);
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration heartbeatInterval = Duration.ofSeconds(Limits.IDLE_TIMEOUT_SECONDS / 2); // half API Gateway's idle timeout
    Duration heartbeatTimeout = Duration.ofSeconds(30);
    ReconnectPolicy reconnect = ReconnectPolicy.DEFAULT;
    RateLimitRetry rateLimitRetry = RateLimitRetry.OFF;
    HttpClient http;
    Consumer<String> messageListener;

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
