package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.core.protocol.Envelope;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.ProtocolException;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.CallerResolver;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.InternalErrorLog;
import dev.streamer.core.routing.RequestQueue;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.Router;
import dev.streamer.core.routing.RouterConfig;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import dev.streamer.runtime.aws.internal.builtins.BuiltinRoutes;
import dev.streamer.runtime.aws.internal.builtins.BuiltinsOnFirstUse;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.limits.RateLimitInterceptor;
import dev.streamer.runtime.aws.internal.limits.RateLimits;
import dev.streamer.runtime.aws.internal.limits.RunningCaps;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code $default} function: routes each message (sync result, async acknowledgment, or typed error) as the
 * caller stored at {@code $connect}. Builds the router over the app's routes and the built-ins, and the connection
 * lookup; the built-ins (with the tenant gate) on the first look-up of one and the request store (the queue) on the
 * first enqueue or built-in, so that a cold start serving a sync action builds neither. Its sends (the CANCELLED
 * error of a request cancelled while queued, and server events an action sends through its {@code Notifier}) build
 * the Management API client on first use, not at initialisation. Always answers 200 with the reply as body: API
 * Gateway sends it back on the socket.
 */
public final class DefaultFunction {

  private static final String UNKNOWN_CONNECTION_MESSAGE = "connection not authenticated; reconnect";

  private final AwsRuntime runtime;
  private final Router router;
  private final CallerResolver callers;
  private final Clock clock;
  private final Duration timeoutBuffer;
  /** Registered with CRaC when a snapshot is possible, else made when first asked ({@link #priming()}). */
  private volatile Priming priming;

  /** {@code routes}: the app's generated route table; {@code interceptors} wrap the sync path and the enqueue. */
  public DefaultFunction(AwsRuntime runtime, RouteTable routes, List<Interceptor> interceptors) {
    // the log and metrics are asked of the runtime when first written to (an error, a refusal, an enqueue), not here
    this.runtime = runtime;
    this.clock = runtime.clock();
    // tenant controls: RATE_LIMITS (outermost interceptor) and, for status, MAX_RUNNING_PER_TENANT; a bad value
    // fails the cold start with the variable's name. Parsed only when set: blank, as the template leaves them, their
    // classes stay unloaded (null: the compiled limits only, no cap)
    Map<String, String> env = runtime.environment();
    RateLimits limits = isSet(env.get(RateLimits.ENV)) ? RateLimits.fromEnvironment(env) : null;
    RunningCaps caps = isSet(env.get(RunningCaps.ENV)) ? RunningCaps.fromEnvironment(env) : null;
    List<Interceptor> chain = new ArrayList<>();
    chain.add(new RateLimitInterceptor(limits, runtime.rateCountersOnFirstUse(), clock, runtime.logOnFirstUse(),
        runtime.metricsOnFirstUse()));
    chain.addAll(interceptors);
    // the built-ins, the request store (the queue) and the tenant gate are built when first used, not for a
    // cold start that serves an application's sync action
    OnFirstUse onFirstUse = new OnFirstUse(runtime, caps);
    this.router = new Router(
        new BuiltinsOnFirstUse(routes, onFirstUse),
        onFirstUse,
        // the record's constructor, not its builder (a class more at cold start); nulls take the defaults
        new RouterConfig(RouterConfig.DEFAULT_MAX_MESSAGE_BYTES, runtime.config().asyncThreshold(), clock, null,
            chain, null, runtime.notifiers(routes), onFirstUse));
    this.callers = runtime.callers();
    this.timeoutBuffer = runtime.config().timeoutBuffer();
    // the router's table: priming lists every route, which builds the built-ins and the request store before a
    // SnapStart snapshot as initialisation did before they were built on first use (no I/O either way).
    this.priming = runtime.registerPriming(router.routes());
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * What the router asks of the runtime only when first needed, each a few lines of delegation: the built-in routes
   * (made on the first look-up of one), the queue (the request store, asked on the first enqueue; then a
   * RequestQueued metric and a log line) and the log of a sync INTERNAL_ERROR (one JSON line with the request's
   * fields, like the async path). One named class for the three: a lambda each would spin at a cold start, and a
   * class each would be three to load.
   */
  private static final class OnFirstUse implements Supplier<Route<?, ?>[]>, RequestQueue, InternalErrorLog {
    private final AwsRuntime runtime;
    /** Null when {@code MAX_RUNNING_PER_TENANT} is not set. */
    private final RunningCaps caps;

    OnFirstUse(AwsRuntime runtime, RunningCaps caps) {
      this.runtime = runtime;
      this.caps = caps;
    }

    /** The built-in routes on this runtime. */
    @Override
    public Route<?, ?>[] get() {
      return BuiltinRoutes.all(runtime.requestStore(), TenantControls.positions(
          TenantControls.concurrency(runtime, caps != null ? caps : RunningCaps.NONE)), CancelledReplies.of(runtime));
    }

    /** Puts the request in the runtime's request store, then emits RequestQueued and a log line. */
    @Override
    public void enqueue(AsyncRequest request) {
      runtime.requestStore().enqueue(request);
      runtime.metrics().requestQueued(request.action(), request.requestId());
      runtime.log().info("request queued", LogFields.empty().requestId(request.requestId())
          .action(request.action()).connectionId(request.connectionId()).tenantId(request.tenantId())
          .traceId(request.traceId()).status("PENDING"));
    }

    @Override
    public void internalError(Throwable failure, String requestId, String clientId, String action, Caller caller) {
      runtime.log().error("request failed", LogFields.empty().requestId(requestId).action(action)
          .connectionId(caller.connectionId()).tenantId(caller.tenantId()).traceId(caller.traceId())
          .with("errorCode", "INTERNAL_ERROR"), failure);
    }
  }

  /**
   * Delivers the CANCELLED error of a request cancelled while queued through the runtime's connection manager,
   * built on that first send, not before.
   */
  private record CancelledReplies(AwsRuntime runtime) implements MessageSender {
    /** Typed as the interface here, not in the caller, whose verifier would otherwise load it at cold start. */
    static MessageSender of(AwsRuntime runtime) {
      return new CancelledReplies(runtime);
    }

    @Override
    public boolean send(String connectionId, String message) {
      return runtime.sender().send(connectionId, message);
    }
  }

  /** The SnapStart priming registered for this function (outside SnapStart, one that is not registered). */
  public Priming priming() {
    Priming current = priming;
    if (current == null) { // racing callers make two equal, unregistered primings: harmless
      current = Priming.unregistered(router.routes(), runtime.log());
      priming = current;
    }
    return current;
  }

  public APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event, Context context) {
    String connectionId = event.getRequestContext() == null ? null : event.getRequestContext().getConnectionId();
    String traceId = runtime.traceId(event);
    Optional<Caller> caller;
    try {
      caller = connectionId == null ? Optional.empty() : callers.resolve(connectionId, traceId);
    } catch (RuntimeException unavailable) {
      runtime.log().error("connection lookup failed", LogFields.empty().connectionId(connectionId).traceId(traceId),
          unavailable);
      return reply(Messages.error(clientIdOf(event), null,
          StreamerError.of(ErrorCode.SERVICE_UNAVAILABLE, "service unavailable; retry later")));
    }
    if (caller.isEmpty()) {
      runtime.log().warn("message from an unknown connection", LogFields.empty().connectionId(connectionId));
      return reply(Messages.error(clientIdOf(event), null,
          StreamerError.of(ErrorCode.UNAUTHORIZED, UNKNOWN_CONNECTION_MESSAGE)));
    }
    return reply(router.route(body(event), caller.get(), deadline(event, context)));
  }

  /**
   * When a sync action must have answered: the earlier of the function's own end and API Gateway's, less the
   * timeout buffer; null without a Lambda context (tests).
   */
  private Instant deadline(APIGatewayV2WebSocketEvent event, Context context) {
    if (context == null) {
      return null;
    }
    long receivedAt = event.getRequestContext() == null ? 0 : event.getRequestContext().getRequestTimeEpoch();
    long remaining = remainingMillis(context.getRemainingTimeInMillis(), receivedAt, System.currentTimeMillis());
    // one plusMillis: Instant.minus(Duration) goes through the ChronoUnit switch, a class more at cold start
    return clock.instant().plusMillis(remaining - timeoutBuffer.toMillis());
  }

  /**
   * The time a sync action has left, in milliseconds: Lambda's remaining time, or less when API Gateway ends the
   * integration first. API Gateway counts its 29 s from the message's arrival ({@code requestTimeEpoch}, epoch
   * milliseconds), so a cold start's initialisation or a SnapStart restore (which Lambda's own timeout does not
   * count) comes out of the action's time, down to none once 29 s have passed. A receipt time older than Lambda's
   * longest timeout is no live integration (a recorded event, a test fixture): Lambda's time alone applies. One
   * slightly in the future (clock skew) counts as now.
   */
  static long remainingMillis(long lambdaRemaining, long requestTimeEpoch, long nowMillis) {
    long elapsed = Math.max(0, nowMillis - requestTimeEpoch);
    // no invocation can be serving a message received longer ago than Lambda's longest timeout
    if (requestTimeEpoch <= 0 || elapsed > FunctionTimeouts.LAMBDA_MAXIMUM_MILLIS) {
      return lambdaRemaining;
    }
    return Math.max(0, Math.min(lambdaRemaining, FunctionTimeouts.API_GATEWAY_INTEGRATION_MILLIS - elapsed));
  }

  /**
   * The client's {@code id} from the frame, for errors raised before the router reads it (the connection lookup):
   * null when the frame has none or is not a valid envelope. Never throws.
   */
  private static String clientIdOf(APIGatewayV2WebSocketEvent event) {
    try {
      return Envelope.read(body(event), null).id();
    } catch (RuntimeException e) {
      // one catch of the supertype: a catch clause naming ProtocolException would load it (and StreamerException)
      // at every cold start
      return e instanceof ProtocolException invalid ? invalid.clientId() : null;
    }
  }

  private static String body(APIGatewayV2WebSocketEvent event) {
    String body = event.getBody();
    if (body != null && event.isIsBase64Encoded()) {
      return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return body;
  }

  private static APIGatewayV2WebSocketResponse reply(String body) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    response.setBody(body);
    return response;
  }
}
