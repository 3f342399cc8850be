package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.aws.builtins.BuiltinRoutes;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.connections.MessageSender;
import dev.streamer.runtime.aws.observability.JsonLog;
import dev.streamer.runtime.aws.observability.LogFields;
import dev.streamer.runtime.aws.observability.LogSink;
import dev.streamer.runtime.aws.observability.Metrics;
import dev.streamer.runtime.aws.observability.TraceHeader;
import dev.streamer.runtime.aws.processor.BatchedJobProgress;
import dev.streamer.runtime.aws.processor.JobProgressFactory;
import dev.streamer.runtime.aws.processor.StreamProcessor;
import dev.streamer.runtime.aws.processor.Sweeper;
import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.ProtocolException;
import dev.streamer.core.protocol.Requests;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.Router;
import dev.streamer.core.routing.RouterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Entry points behind the generated Lambda handler classes. One instance per Lambda execution environment, built in
 * the generated class's static initializer ({@link #fromEnvironment}) so SDK clients are created once; tests and the
 * local stack build one with {@link #builder} against DynamoDB Local and a local Management API endpoint.
 *
 * <p>The generated handlers call exactly {@link #connect}, {@link #disconnect}, {@link #message}, {@link #process}
 * and {@link #sweep}.
 */
public final class StreamerLambda {

  private static final String UNKNOWN_CONNECTION_MESSAGE = "connection not authenticated; reconnect";

  private final StreamerConfig config;
  private final Router router;
  private final StreamProcessor processor;
  private final Sweeper sweeper;
  private final CallerResolver callers;
  private final LazyHandler connections;
  private final JsonLog log;
  private final Clock clock;
  private final Map<String, String> environment;

  private StreamerLambda(Builder b) {
    this.config = b.config;
    this.clock = b.clock;
    this.environment = b.environment;
    this.log = JsonLog.fromEnvironment(b.environment, b.logSink, b.clock);
    Metrics metrics = Metrics.fromEnvironment(b.environment, b.logSink, b.clock);
    DynamoRequestStore store = new DynamoRequestStore(b.dynamoDb, config.tables().requests(), b.clock,
        config.requestTtl(), config.maxRetries());
    RouteTable routes = BuiltinRoutes.withBuiltins(b.routes, store, b.sender);
    RouterConfig routerConfig = RouterConfig.builder()
        .clock(b.clock)
        .asyncThreshold(config.asyncThreshold())
        .interceptors(b.interceptors)
        .internalErrors((failure, requestId, clientId, action, caller) -> log.error("request failed",
            LogFields.empty().requestId(requestId).action(action).connectionId(caller.connectionId())
                .tenantId(caller.tenantId()).traceId(caller.traceId()).with("errorCode", "INTERNAL_ERROR"),
            failure))
        .build();
    this.router = new Router(routes, new MeteredQueue(store, log, metrics), routerConfig);
    JobProgressFactory progress = BatchedJobProgress.factory(store, b.sender, config.progressInterval(),
        b.scheduler, log, metrics);
    this.processor = new StreamProcessor(store, routes, router.executor(), progress, b.sender,
        config.processorSettings(), log, metrics, b.workers);
    this.sweeper = new Sweeper(store, b.sender, config.processorSettings(), log, metrics);
    this.callers = b.callers;
    this.connections = new LazyHandler(b.connections);
  }

  /**
   * Reads configuration from environment variables (see {@link StreamerConfig}; a system property of the same name
   * wins, see {@link StreamerConfig#processEnvironment()}) and builds the clients it needs: explicit region,
   * credentials from the environment first, the url-connection HTTP client.
   */
  public static StreamerLambda fromEnvironment(RouteTable routes) {
    return AwsWiring.fromEnvironment(routes, StreamerConfig.processEnvironment());
  }

  public static Builder builder(RouteTable routes) {
    return new Builder(routes);
  }

  public StreamerConfig config() {
    return config;
  }

  /** {@code $connect}: verifies the JWT and stores the connection; 401 on failure. */
  public APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event, Context context) {
    return connections.get().onConnect(event);
  }

  /** {@code $disconnect}: deletes the connection record. */
  public APIGatewayV2WebSocketResponse disconnect(APIGatewayV2WebSocketEvent event, Context context) {
    return connections.get().onDisconnect(event);
  }

  /**
   * {@code $default}: routes a message (sync result, async acknowledgment, or typed error) as the caller stored at
   * {@code $connect}. Always answers 200 with the reply as body: API Gateway sends it back on the socket.
   */
  public APIGatewayV2WebSocketResponse message(APIGatewayV2WebSocketEvent event, Context context) {
    String connectionId = event.getRequestContext() == null ? null : event.getRequestContext().getConnectionId();
    String traceId = TraceHeader.rootTraceId(TraceHeader.current(environment));
    Optional<Caller> caller;
    try {
      caller = connectionId == null ? Optional.empty() : callers.resolve(connectionId, traceId);
    } catch (RuntimeException unavailable) {
      log.error("connection lookup failed", LogFields.empty().connectionId(connectionId).traceId(traceId),
          unavailable);
      return reply(Messages.error(clientIdOf(event), null,
          StreamerError.of(ErrorCode.SERVICE_UNAVAILABLE, "service unavailable; retry later")));
    }
    if (caller.isEmpty()) {
      log.warn("message from an unknown connection", LogFields.empty().connectionId(connectionId));
      return reply(Messages.error(clientIdOf(event), null,
          StreamerError.of(ErrorCode.UNAUTHORIZED, UNKNOWN_CONNECTION_MESSAGE)));
    }
    Instant deadline = deadline(context);
    return reply(router.route(body(event), caller.get(), deadline));
  }

  /** DynamoDB Streams processor of the requests table. */
  public StreamsEventResponse process(DynamodbEvent event, Context context) {
    return processor.process(event, () -> remainingMillis(context));
  }

  /**
   * Scheduled sweeper: re-drives due retries and expired leases, every {@code SWEEP_INTERVAL} until the next
   * scheduled invocation (or the end of this one). Returns a JSON summary.
   */
  public String sweep(ScheduledEvent event, Context context) {
    return sweeper.sweepUntilNextSchedule(() -> remainingMillis(context)).toJson();
  }

  private Instant deadline(Context context) {
    long remaining = remainingMillis(context);
    return remaining == Long.MAX_VALUE ? null
        : clock.instant().plusMillis(remaining).minus(config.timeoutBuffer());
  }

  private static long remainingMillis(Context context) {
    return context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis();
  }

  /**
   * The client's {@code id} from the frame, for errors raised before the router reads it (the connection lookup):
   * null when the frame has none or is not a valid envelope. Never throws.
   */
  private static String clientIdOf(APIGatewayV2WebSocketEvent event) {
    try {
      return Requests.parse(body(event)).id();
    } catch (ProtocolException invalid) {
      return invalid.clientId();
    } catch (RuntimeException undecodable) {
      return null;
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

  /**
   * Builds the connection handler on first use, so that the message, processor and sweeper functions never touch
   * connection settings (and, in production, only {@code $connect} reads the JWT ones).
   */
  private static final class LazyHandler {
    private final Supplier<ConnectionHandler> factory;
    private volatile ConnectionHandler handler;

    LazyHandler(Supplier<ConnectionHandler> factory) {
      this.factory = factory;
    }

    ConnectionHandler get() {
      ConnectionHandler current = handler;
      if (current == null) {
        synchronized (this) {
          if (handler == null) {
            if (factory == null) {
              throw new IllegalStateException("no connection handler configured");
            }
            handler = Objects.requireNonNull(factory.get(), "connection handler");
          }
          current = handler;
        }
      }
      return current;
    }
  }

  /** Everything a {@link StreamerLambda} is made of; clients and clock are injected, nothing is read implicitly. */
  public static final class Builder {
    private final RouteTable routes;
    private StreamerConfig config = StreamerConfig.defaults();
    private DynamoDbClient dynamoDb;
    private MessageSender sender;
    private CallerResolver callers;
    private Supplier<ConnectionHandler> connections;
    private Clock clock = Clock.systemUTC();
    private LogSink logSink = LogSink.stdout();
    private Map<String, String> environment = Map.of();
    private List<Interceptor> interceptors = List.of();
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;

    private Builder(RouteTable routes) {
      this.routes = Objects.requireNonNull(routes, "routes");
    }

    public Builder config(StreamerConfig v) { this.config = Objects.requireNonNull(v); return this; }
    public Builder dynamoDb(DynamoDbClient v) { this.dynamoDb = v; return this; }
    /** Delivers progress and final messages (the connection manager). */
    public Builder sender(MessageSender v) { this.sender = v; return this; }
    /** Finds the stored caller of a connection. */
    public Builder callers(CallerResolver v) { this.callers = v; return this; }
    /** Builds the {@code $connect}/{@code $disconnect} handler on first use. */
    public Builder connections(Supplier<ConnectionHandler> v) { this.connections = v; return this; }
    public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v); return this; }
    public Builder logSink(LogSink v) { this.logSink = Objects.requireNonNull(v); return this; }
    /** Variables for logging/metrics settings and the X-Ray trace header ({@code _X_AMZN_TRACE_ID}). */
    public Builder environment(Map<String, String> v) { this.environment = Map.copyOf(v); return this; }
    public Builder interceptors(List<Interceptor> v) { this.interceptors = List.copyOf(v); return this; }
    /** Runs jobs (so they can be timed out); default: daemon threads created as needed. */
    public Builder workers(ExecutorService v) { this.workers = v; return this; }
    /** Runs trailing progress flushes; default: one daemon thread. */
    public Builder scheduler(ScheduledExecutorService v) { this.scheduler = v; return this; }

    public StreamerLambda build() {
      Objects.requireNonNull(dynamoDb, "dynamoDb");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(callers, "callers");
      if (workers == null) {
        workers = Executors.newCachedThreadPool(daemon("streamer-job"));
      }
      if (scheduler == null) {
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("streamer-progress"));
      }
      return new StreamerLambda(this);
    }

    private static ThreadFactory daemon(String name) {
      AtomicInteger n = new AtomicInteger();
      return task -> {
        Thread t = new Thread(task, name + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      };
    }
  }
}
