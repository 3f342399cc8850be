package dev.streamer.runtime.aws.internal.connections;

import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.runtime.aws.internal.observability.LogSink;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Sends to WebSocket connections through the API Gateway Management API ({@code POST @connections/{id}}).
 *
 * <ul>
 *   <li><b>Endpoint</b>: the configured one when set (custom domains need the {@code execute-api} endpoint), else the
 *       endpoint stored with the connection on {@code $connect}.</li>
 *   <li><b>410 Gone</b>: the connection's record is deleted, {@code ConnectionGone} is counted, and the send returns
 *       false. Never an exception: a job must not fail because its caller went away. Later sends to that id return
 *       false at once.</li>
 *   <li><b>429, 5xx, network errors</b>: retried per {@link SendRetryPolicy} (exponential backoff, full jitter); when
 *       the attempts run out, {@link DeliveryFailedException} (retryable). The SDK's own retries are off
 *       ({@link ManagementApiClients}), so the policy alone decides. A retried send that had in fact arrived arrives
 *       twice; clients must tolerate a repeated progress message.</li>
 *   <li><b>Other 4xx</b> (403 Forbidden: missing permission or wrong endpoint): {@link DeliveryRejectedException}.</li>
 *   <li><b>Over {@value #MAX_MESSAGE_BYTES} bytes</b> (UTF-8): {@link MessageTooLargeException} before any call. No
 *       chunking: the limit is per message, and API Gateway closes a connection that gets more with 1009.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class ConnectionManager implements MessageSender {

  /** API Gateway's WebSocket message limit, 128 KB, counted in UTF-8 bytes. */
  public static final int MAX_MESSAGE_BYTES = dev.streamer.core.protocol.Limits.MAX_MESSAGE_BYTES;

  private static final int CACHE_SIZE = 4096;

  /** Waits between attempts; tests replace it so they don't sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final ConnectionStore store;
  private final ManagementApiClients clients;
  private final String fixedEndpoint;
  private final SendRetryPolicy retry;
  private final JsonLog log;
  private final Metrics metrics;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  /** Connection ids are never reused, so one found gone stays gone. */
  private final Map<String, Boolean> gone = lru();
  private final Map<String, String> endpoints = lru();

  private ConnectionManager(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.clients = Objects.requireNonNull(b.clients, "clients");
    this.fixedEndpoint = b.fixedEndpoint;
    this.retry = Objects.requireNonNull(b.retry, "retry");
    this.log = Objects.requireNonNull(b.log, "log");
    this.metrics = b.metrics;
    this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    this.random = b.random; // null: ThreadLocalRandom per send (no RandomGenerator.getDefault() at start-up)
  }

  public static Builder builder(ConnectionStore store, ManagementApiClients clients) {
    return new Builder(store, clients);
  }

  @Override
  public boolean send(String connectionId, String message) {
    byte[] bytes = checkedBytes(message);
    if (gone.containsKey(connectionId)) {
      return false;
    }
    Optional<String> endpoint = endpointOf(connectionId);
    if (endpoint.isEmpty()) {
      return false; // no record: disconnected, expired or never connected
    }
    return post(connectionId, endpoint.get(), bytes);
  }

  /** Sends to a connection already read from the store (broadcasts), without looking it up again. */
  public boolean send(ConnectionRecord connection, String message) {
    byte[] bytes = checkedBytes(message);
    if (gone.containsKey(connection.connectionId())) {
      return false;
    }
    String endpoint = fixedEndpoint != null ? fixedEndpoint : connection.endpoint();
    return post(connection.connectionId(), endpoint, bytes);
  }

  /** Sends to every live connection of {@code userId}, whatever its tenant. */
  public BroadcastResult broadcastToUser(String userId, String message) {
    checkedBytes(message);
    return broadcast(store.byUser(userId), message, LogFields.empty().with("userId", userId));
  }

  /** Sends to the live connections of {@code userId} within {@code tenantId} only. */
  public BroadcastResult broadcastToUser(String tenantId, String userId, String message) {
    checkedBytes(message);
    List<ConnectionRecord> mine = store.byUser(userId).stream()
        .filter(c -> c.tenantId().equals(tenantId))
        .toList();
    return broadcast(mine, message, LogFields.empty().tenantId(tenantId).with("userId", userId));
  }

  /** Sends to every live connection of {@code tenantId}. */
  public BroadcastResult broadcastToTenant(String tenantId, String message) {
    checkedBytes(message);
    return broadcast(store.byTenant(tenantId), message, LogFields.empty().tenantId(tenantId));
  }

  /** Asks API Gateway whether the connection is open ({@code GET}); a gone connection is cleaned up. */
  public boolean isConnected(String connectionId) {
    if (gone.containsKey(connectionId)) {
      return false;
    }
    Optional<String> endpoint = endpointOf(connectionId);
    if (endpoint.isEmpty()) {
      return false;
    }
    return call(connectionId, endpoint.get(), c -> c.getConnection(r -> r.connectionId(connectionId)));
  }

  /** Closes the connection ({@code DELETE}) and deletes its record; false if it was gone already. */
  public boolean disconnect(String connectionId) {
    if (gone.containsKey(connectionId)) {
      return false;
    }
    Optional<String> endpoint = endpointOf(connectionId);
    if (endpoint.isEmpty()) {
      return false;
    }
    boolean closed = call(connectionId, endpoint.get(), c -> c.deleteConnection(r -> r.connectionId(connectionId)));
    if (closed) {
      forget(connectionId);
      store.delete(connectionId);
    }
    return closed;
  }

  private BroadcastResult broadcast(List<ConnectionRecord> targets, String message, LogFields fields) {
    int delivered = 0;
    int goneCount = 0;
    int failed = 0;
    for (ConnectionRecord target : targets) {
      try {
        if (send(target, message)) {
          delivered++;
        } else {
          goneCount++;
        }
      } catch (DeliveryFailedException | DeliveryRejectedException e) {
        failed++;
        log.warn("broadcast to a connection failed", fields.connectionId(target.connectionId()), e);
      }
    }
    return new BroadcastResult(delivered, goneCount, failed);
  }

  private boolean post(String connectionId, String endpoint, byte[] bytes) {
    SdkBytes data = SdkBytes.fromByteArrayUnsafe(bytes);
    return call(connectionId, endpoint, c -> c.postToConnection(r -> r.connectionId(connectionId).data(data)));
  }

  /** One Management API call with the retry policy: true on success, false when gone. */
  private boolean call(String connectionId, String endpoint, Function<ApiGatewayManagementApiClient, ?> request) {
    ApiGatewayManagementApiClient client = clients.forEndpoint(endpoint);
    for (int attempt = 1; ; attempt++) {
      int status;
      RuntimeException failure;
      try {
        request.apply(client);
        return true;
      } catch (SdkServiceException e) {
        status = e.statusCode();
        if (e instanceof GoneException || status == 410) {
          handleGone(connectionId);
          return false;
        }
        if (status != 429 && status < 500 && !e.isThrottlingException()) {
          log.error("connection endpoint rejected the call",
              LogFields.empty().connectionId(connectionId).status(Integer.toString(status)), e);
          throw new DeliveryRejectedException(connectionId, status, e);
        }
        failure = e;
      } catch (SdkClientException e) {
        status = 0; // no response: refused, reset, timed out
        failure = e;
      }
      if (attempt >= retry.maxAttempts()) {
        log.warn("message not delivered, attempts exhausted", LogFields.empty().connectionId(connectionId)
            .status(Integer.toString(status)).with("attempts", attempt), failure);
        throw new DeliveryFailedException(connectionId, attempt, status, failure);
      }
      Duration pause = retry.backoff(attempt,
          random != null ? random : java.util.concurrent.ThreadLocalRandom.current());
      log.debug("retrying send", LogFields.empty().connectionId(connectionId).status(Integer.toString(status))
          .with("attempt", attempt).durationMs(pause.toMillis()));
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeliveryFailedException(connectionId, attempt, status, e);
      }
    }
  }

  private void handleGone(String connectionId) {
    forget(connectionId);
    gone.put(connectionId, Boolean.TRUE);
    try {
      store.delete(connectionId);
    } catch (RuntimeException e) {
      // TTL removes it eventually; the send's outcome is the same either way.
      log.warn("gone connection's record not deleted", LogFields.empty().connectionId(connectionId), e);
    }
    if (metrics != null) {
      metrics.connectionGone(connectionId);
    }
    log.info("connection gone", LogFields.empty().connectionId(connectionId).status("GONE"));
  }

  private void forget(String connectionId) {
    endpoints.remove(connectionId);
  }

  private Optional<String> endpointOf(String connectionId) {
    if (fixedEndpoint != null) {
      return Optional.of(fixedEndpoint);
    }
    String cached = endpoints.get(connectionId);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<String> stored = store.get(connectionId).map(ConnectionRecord::endpoint);
    stored.ifPresent(e -> endpoints.put(connectionId, e));
    return stored;
  }

  private static byte[] checkedBytes(String message) {
    Objects.requireNonNull(message, "message");
    // Each char is at most 3 UTF-8 bytes: short messages need no encoding to pass the check.
    if ((long) message.length() * 3 <= MAX_MESSAGE_BYTES) {
      return message.getBytes(StandardCharsets.UTF_8);
    }
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_MESSAGE_BYTES) {
      throw new MessageTooLargeException(bytes.length, MAX_MESSAGE_BYTES);
    }
    return bytes;
  }

  private static <V> Map<String, V> lru() {
    return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CACHE_SIZE;
      }
    });
  }

  /** Configuration of a {@link ConnectionManager}. */
  public static final class Builder {
    private final ConnectionStore store;
    private final ManagementApiClients clients;
    private String fixedEndpoint;
    private SendRetryPolicy retry = SendRetryPolicy.DEFAULT;
    private JsonLog log = new JsonLog(JsonLog.DEFAULT_SERVICE, LogLevel.INFO, LogSink.stdout(), Clock.systemUTC());
    private Metrics metrics;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    private RandomGenerator random;

    private Builder(ConnectionStore store, ManagementApiClients clients) {
      this.store = store;
      this.clients = clients;
    }

    /** Management API endpoint for every connection, such as {@code https://abc.execute-api.eu-west-1.amazonaws.com/prod}. */
    public Builder fixedEndpoint(String endpoint) {
      this.fixedEndpoint = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
      return this;
    }

    public Builder retryPolicy(SendRetryPolicy policy) {
      this.retry = policy;
      return this;
    }

    public Builder log(JsonLog log) {
      this.log = log;
      return this;
    }

    public Builder metrics(Metrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /** Source of the backoff jitter; default {@code ThreadLocalRandom.current()} of the sending thread. */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    public ConnectionManager build() {
      return new ConnectionManager(this);
    }
  }
}
