package dev.streamer.runtime.aws.internal.connections;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.internal.auth.AuthFailure;
import dev.streamer.runtime.aws.internal.auth.AuthenticationException;
import dev.streamer.runtime.aws.internal.auth.ConnectToken;
import dev.streamer.runtime.aws.internal.auth.JwtVerifier;
import dev.streamer.runtime.aws.internal.auth.VerifiedIdentity;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.LogLevel;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.RetryInfo;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.runtime.aws.internal.limits.ConnectionCap;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code $connect} and {@code $disconnect}.
 *
 * <p>Connect: find the token ({@link ConnectToken}), verify it, store the connection with its user, tenant, kept
 * claims and Management API endpoint, answer 200 (selecting the {@code streamer} subprotocol when the client offered
 * it; the token is never echoed). Any authentication failure answers 401 with an {@code UNAUTHORIZED} error body and
 * stores nothing; the reason goes to the log only. A failure to store, or invalid JWT settings, answers 500
 * {@code INTERNAL_ERROR}.
 *
 * <p>Disconnect: delete the record. API Gateway delivers {@code $disconnect} on a best-effort basis, which is why
 * records also expire by TTL and why a send that finds a connection gone deletes it.
 */
public final class ConnectionLifecycle {

  /** Refusal bodies, written on the first refusal: an accepted connection never loads the JSON writer. */
  private static final class Bodies {
    static final String UNAUTHORIZED =
        Messages.error(null, null, StreamerError.of(ErrorCode.UNAUTHORIZED, "unauthorized"));
    static final String INTERNAL_ERROR =
        Messages.error(null, null, StreamerError.of(ErrorCode.INTERNAL_ERROR, "internal error"));
  }
  /** HTTP status of a {@code $connect} over the per-user connection cap. */
  static final int TOO_MANY_CONNECTIONS = 429;

  private final Supplier<JwtVerifier> verifier;
  private final ConnectionStore store;
  private final JsonLog log;
  private final Clock clock;
  private ConnectionCap cap;
  private Metrics metrics;

  public ConnectionLifecycle(JwtVerifier verifier, ConnectionStore store, JsonLog log, Clock clock) {
    this(constant(Objects.requireNonNull(verifier, "verifier")), store, log, clock);
  }

  private ConnectionLifecycle(Supplier<JwtVerifier> verifier, ConnectionStore store, JsonLog log, Clock clock) {
    this.verifier = verifier;
    this.store = Objects.requireNonNull(store, "store");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A lifecycle whose verifier is built by {@code verifier} on the first {@code $connect} and kept: the
   * {@code $disconnect} function needs no JWT settings, and a JWT misconfiguration fails {@code $connect} only.
   */
  public static ConnectionLifecycle withLazyVerifier(Supplier<JwtVerifier> verifier, ConnectionStore store,
      JsonLog log, Clock clock) {
    return new ConnectionLifecycle(memoized(Objects.requireNonNull(verifier, "verifier")), store, log, clock);
  }

  /**
   * Enforces {@code cap} at {@code $connect} (429 with a {@code RATE_LIMITED} body, metric
   * {@code ConnectionLimited} when {@code metrics} is not null) and gives places back at {@code $disconnect}; null for
   * no cap. Call before use.
   */
  public ConnectionLifecycle withConnectionCap(ConnectionCap cap, Metrics metrics) {
    this.cap = cap;
    this.metrics = metrics;
    return this;
  }

  private static Supplier<JwtVerifier> constant(JwtVerifier verifier) {
    return () -> verifier;
  }

  private static Supplier<JwtVerifier> memoized(Supplier<JwtVerifier> factory) {
    return new Supplier<>() {
      private JwtVerifier built;

      @Override
      public synchronized JwtVerifier get() {
        if (built == null) {
          built = Objects.requireNonNull(factory.get(), "verifier");
        }
        return built;
      }
    };
  }

  /** Management API endpoint of the connection that sent {@code event}: {@code https://{domainName}/{stage}}. */
  public static String endpointOf(APIGatewayV2WebSocketEvent event) {
    APIGatewayV2WebSocketEvent.RequestContext context = event.getRequestContext();
    return "https://" + context.getDomainName() + "/" + context.getStage();
  }

  /** {@link #onConnect(APIGatewayV2WebSocketEvent, String)} without a trace id. */
  public APIGatewayV2WebSocketResponse onConnect(APIGatewayV2WebSocketEvent event) {
    return onConnect(event, null);
  }

  /** Handles a {@code $connect} whose X-Ray trace id (for the log lines) is {@code traceId}, or null. */
  public APIGatewayV2WebSocketResponse onConnect(APIGatewayV2WebSocketEvent event, String traceId) {
    Instant start = clock.instant();
    String connectionId = connectionId(event);
    LogFields fields = LogFields.empty().connectionId(connectionId).traceId(traceId);
    if (connectionId == null || event.getRequestContext().getDomainName() == null
        || event.getRequestContext().getStage() == null) {
      log.error("connect event without connection id, domain name or stage", fields);
      return response(500, Bodies.INTERNAL_ERROR, null);
    }
    JwtVerifier jwt;
    try {
      jwt = verifier.get();
    } catch (RuntimeException misconfigured) {
      // the message names the JWT_* variable at fault, never a secret
      log.error("JWT configuration invalid; connection refused", fields.status("ERROR"), misconfigured);
      return response(500, Bodies.INTERNAL_ERROR, null);
    }
    Optional<ConnectToken.Found> token = ConnectToken.find(event);
    VerifiedIdentity identity;
    try {
      if (token.isEmpty()) {
        throw new AuthenticationException(AuthFailure.MISSING_TOKEN, "no token in header, query or subprotocol");
      }
      identity = jwt.verify(token.get().token());
    } catch (AuthenticationException e) {
      // A key set we cannot fetch is our fault, not the caller's: log it loudly. The caller still gets 401.
      LogLevel level = e.failure() == AuthFailure.KEY_UNAVAILABLE ? LogLevel.ERROR : LogLevel.WARN;
      log.log(level, "connection refused", fields.status("UNAUTHORIZED")
          .with("reason", e.failure().name())
          .with("detail", e.getMessage())
          .with("tokenSource", token.map(t -> t.source().name()).orElse("NONE"))
          .durationMs(elapsedMs(start)), e.failure() == AuthFailure.KEY_UNAVAILABLE ? e : null);
      return response(401, Bodies.UNAUTHORIZED, null);
    }
    LogFields identified = fields.tenantId(identity.tenantId());
    boolean admitted = false;
    try {
      if (cap != null) {
        if (!cap.admit(identity.userId(), connectionId)) {
          log.warn("connection refused: too many connections", identified.status("RATE_LIMITED")
              .with("maxConnections", cap.max()).durationMs(elapsedMs(start)));
          if (metrics != null) {
            metrics.connectionLimited(connectionId);
          }
          return response(TOO_MANY_CONNECTIONS, tooManyConnections(cap.max()), null);
        }
        admitted = true;
      }
      store.create(connectionId, identity.userId(), identity.tenantId(), endpointOf(event), identity.claims());
    } catch (RuntimeException e) {
      log.error("connection not stored", identified.status("ERROR").durationMs(elapsedMs(start)), e);
      if (admitted) {
        releaseQuietly(identity.userId(), connectionId);
      }
      return response(500, Bodies.INTERNAL_ERROR, null);
    }
    log.info("connected", identified.status("CONNECTED")
        .with("tokenSource", token.get().source().name())
        .durationMs(elapsedMs(start)));
    String subprotocol = ConnectToken.offersSubprotocol(event) ? ConnectToken.SUBPROTOCOL : null;
    return response(200, null, subprotocol);
  }

  /** {@link #onDisconnect(APIGatewayV2WebSocketEvent, String)} without a trace id. */
  public APIGatewayV2WebSocketResponse onDisconnect(APIGatewayV2WebSocketEvent event) {
    return onDisconnect(event, null);
  }

  /** Handles a {@code $disconnect} whose X-Ray trace id (for the log lines) is {@code traceId}, or null. */
  public APIGatewayV2WebSocketResponse onDisconnect(APIGatewayV2WebSocketEvent event, String traceId) {
    Instant start = clock.instant();
    String connectionId = connectionId(event);
    LogFields fields = LogFields.empty().connectionId(connectionId).traceId(traceId);
    if (connectionId == null) {
      log.error("disconnect event without connection id", fields);
      return response(500, Bodies.INTERNAL_ERROR, null);
    }
    try {
      Optional<ConnectionRecord> removed = store.remove(connectionId);
      if (cap != null && removed.isPresent() && removed.get().userId() != null) {
        cap.release(removed.get().userId(), connectionId);
      }
      log.info("disconnected", fields.status("DISCONNECTED").with("recordFound", removed.isPresent())
          .durationMs(elapsedMs(start)));
      return response(200, null, null);
    } catch (RuntimeException e) {
      // The TTL removes the record eventually; a send that finds it gone removes it sooner.
      log.error("connection record not deleted", fields.status("ERROR").durationMs(elapsedMs(start)), e);
      return response(500, Bodies.INTERNAL_ERROR, null);
    }
  }

  /** The typed body of a 429: {@code RATE_LIMITED} with the cap in {@code details.maxConnections}. */
  static String tooManyConnections(int max) {
    return Messages.error(null, null, new StreamerError(ErrorCode.RATE_LIMITED, "too many open connections",
        Map.of("maxConnections", max), new RetryInfo(true, null, 0, 0)));
  }

  private void releaseQuietly(String userId, String connectionId) {
    try {
      cap.release(userId, connectionId);
    } catch (RuntimeException ignored) {
      // the place expires with the connection's maximum duration
    }
  }

  private static String connectionId(APIGatewayV2WebSocketEvent event) {
    return event.getRequestContext() == null ? null : event.getRequestContext().getConnectionId();
  }

  private long elapsedMs(Instant start) {
    return Math.max(0, Duration.between(start, clock.instant()).toMillis());
  }

  private static APIGatewayV2WebSocketResponse response(int status, String body, String subprotocol) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    if (body != null) {
      response.setBody(body);
      response.setHeaders(Map.of("Content-Type", "application/json"));
    }
    if (subprotocol != null) {
      response.setHeaders(Map.of(ConnectToken.SUBPROTOCOL_HEADER, subprotocol));
    }
    return response;
  }
}
