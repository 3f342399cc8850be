package dev.streamer.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.local.gateway.ConnectionRegistry;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An application's generated Lambda handlers running on this machine, with no AWS account: DynamoDB Local (in this
 * JVM, in memory, or an endpoint you give), a WebSocket gateway with the {@code @connections} Management API, a
 * poller that feeds the requests table's stream to the stream processor, and a timer that runs the sweeper.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.builder()
 *     .connect(SampleConnectHandler::new)
 *     .message(SampleDefaultHandler::new)
 *     .disconnect(SampleDisconnectHandler::new)
 *     .processor(SampleStreamProcessor::new)
 *     .sweeper(SampleSweeper::new)
 *     .start()) {
 *   ... stack.webSocketUri(), stack.devToken() ...
 * }
 * }</pre>
 *
 * <p>Handlers are passed as factories of an {@link AwsRuntime} ({@code SampleConnectHandler::new} picks the generated
 * handler's constructor that takes one): once DynamoDB and the gateway run, the stack builds one runtime from its own
 * environment map (tables, DynamoDB endpoint, {@code @connections} endpoint, region, JWT settings, plus
 * {@link Builder#environment}), with the stack's DynamoDB client and its clock ({@link #clock()}), and creates each
 * handler on it. Nothing is read from system properties or static state, so several stacks can run in one JVM, each
 * on its own clock.
 */
public final class LocalStack implements AutoCloseable {

  /** The development HS256 secret; local use only. */
  public static final String DEFAULT_JWT_SECRET = "streamer-local-development-secret-do-not-use-in-production";
  public static final String DEV_USER = "dev-user";
  public static final String DEV_TENANT = "dev-tenant";
  public static final Duration DEV_TOKEN_TTL = Duration.ofHours(12);

  private final StackSettings settings;
  private final StackServices services;
  private volatile boolean closed;

  private LocalStack(StackSettings settings) {
    this.settings = settings;
    this.services = new StackServices(settings);
  }

  public static Builder builder() {
    return new Builder();
  }

  private LocalStack startAll() {
    try {
      services.start(this);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (settings.banner != null) {
      settings.banner.println(Banner.render(this));
    }
    return this;
  }

  /** The dev console, {@code http://localhost:{port}/}; null when the builder turned it off. */
  public URI consoleUri() {
    return !settings.console ? null : URI.create("http://" + settings.host + ":" + services.gateway.port() + "/");
  }

  /** Where clients connect: {@code ws://localhost:{port}/{stage}}. */
  public URI webSocketUri() {
    return services.gateway.webSocketUri();
  }

  /** The Management API endpoint, {@code http://localhost:{port}/{stage}}; connections are under {@code /@connections}. */
  public URI connectionsEndpoint() {
    return services.gateway.managementEndpoint();
  }

  public URI dynamoDbEndpoint() {
    return services.dynamoDb.endpoint();
  }

  /** Whether DynamoDB Local runs inside this JVM (else the stack connected to a given endpoint). */
  public boolean dynamoDbInProcess() {
    return services.dynamoDb.inProcess();
  }

  /** The runtime every handler of this stack was created on (its configuration, clients and stores). */
  public AwsRuntime runtime() {
    return services.runtime;
  }

  public TableNames tables() {
    return settings.tables;
  }

  public String stage() {
    return settings.stage;
  }

  /** The stack's DynamoDB client (shared; do not close). */
  public DynamoDbClient dynamoDb() {
    return services.dynamoDb.client();
  }

  /**
   * Write calls the stack's handlers (and anyone using {@link #dynamoDb()}) made on {@code table}, or on every table
   * when null, since the start: {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, conditional failures
   * included. What a request costs in writes, measured.
   */
  public long dynamoDbWrites(String table) {
    return services.dynamoDb.writes(table);
  }

  /**
   * Replaces the five handlers with the ones {@code handlers} creates on this stack's runtime, for example from a new
   * class loader after the application was recompiled. DynamoDB, the gateway and its open connections, the stream
   * poller and the sweeper keep running; invocations already running finish on the previous handlers. Only the five
   * handler factories of {@code handlers} are read, and its worker when this stack has one. If creating any handler
   * fails, none is replaced.
   */
  public synchronized void replaceHandlers(Builder handlers) {
    if (closed) {
      throw new IllegalStateException("the stack is closed");
    }
    services.replaceHandlers(handlers.settings);
  }

  /** The request the banner shows, or null. */
  String exampleRequest() {
    return settings.exampleRequest;
  }

  /** The open WebSocket connections. */
  public ConnectionRegistry connections() {
    return services.gateway.connections();
  }

  /** A development token for {@code dev-user} in {@code dev-tenant}, valid for 12 hours from start. */
  public String devToken() {
    return services.devToken;
  }

  /** A token signed with the stack's secret, for any user and tenant. */
  public String mintToken(String user, String tenant, Duration ttl) {
    return services.mintToken(user, tenant, ttl);
  }

  /**
   * The clock of the stack's handlers and tokens (the builder's {@link Builder#clock}, adjustable): retry delays,
   * leases, stale requests, connection and token expiry are measured on it.
   */
  public AdjustableClock clock() {
    return services.clock;
  }

  /**
   * Moves the stack's clock {@code duration} forward, so that what waits for time (a retry's delay, an expired
   * lease, a token's expiry) is due at once; run {@link #sweep()} to act on due retries and leases now.
   */
  public void advance(Duration duration) {
    services.clock.advance(duration);
  }

  public Duration sweepInterval() {
    return settings.sweepInterval;
  }

  /** The event source mapping the stream poller applies. */
  public EventSourceMapping eventSourceMapping() {
    return settings.mapping;
  }

  /** Stream records read but not yet processed (0 when the processor has caught up). */
  public long pendingStreamRecords() {
    return services.lanes.pending();
  }

  /**
   * Restarts the WebSocket gateway on the same port: every connection is closed (1001, going away) and gets its
   * {@code $disconnect}; DynamoDB, the stream processor and the sweeper keep running.
   */
  public void restartGateway() {
    services.gateway.restart();
  }

  /**
   * Stops DynamoDB Local's HTTP server (only when it runs in this JVM): every handler call, stream read and sweep
   * fails to connect, as in a DynamoDB outage; the tables, items and stream are kept. {@link #startDynamoDb()} ends
   * the outage on the same port, and the stack carries on by itself (the poller resumes reading where it stood).
   */
  public void stopDynamoDb() {
    services.dynamoDb.stopServer();
  }

  /** Starts DynamoDB Local's HTTP server again after {@link #stopDynamoDb()}, on the same port and data. */
  public void startDynamoDb() {
    services.dynamoDb.startServer();
  }

  /**
   * Invokes the worker function of isolated actions now, on the calling thread, with {@code event}
   * ({@code {"requestId":…,"attempt":…}}), as a duplicate or late delivery by Lambda would; returns its summary.
   * {@link IllegalStateException} when the stack has no worker.
   */
  public String invokeWorker(Map<String, Object> event) {
    if (services.worker == null) {
      throw new IllegalStateException("this stack has no worker function (Builder.worker)");
    }
    return services.worker.invoke(event);
  }

  /**
   * Runs one sweep now and returns its summary: the sweeper is invoked with too little time left for a second one
   * (its timer's invocations sweep every {@code sweepInterval} for a minute).
   */
  public String sweep() {
    return services.sweeps.sweep();
  }

  /**
   * Stops in dependency order: the sweeper timer and the stream poller; the processor's batches in flight (given up
   * to 10 s to finish and deliver); the gateway (clients see 1001); the invocation workers; DynamoDB. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    services.close();
  }

  /** How to build a {@link LocalStack}; every setting has a working default except the five handlers. */
  public static final class Builder {
    private final StackSettings settings = new StackSettings();

    private Builder() {}

    /**
     * Base of the stack's clock; default the system UTC clock. The stack runs on it plus whatever
     * {@link LocalStack#advance} added, and so do the handlers it creates.
     */
    public Builder clock(Clock v) {
      settings.clock = Objects.requireNonNull(v);
      return this;
    }

    /** The generated {@code $connect} handler, e.g. {@code SampleConnectHandler::new}. */
    public Builder connect(
        Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> v) {
      settings.connect = v;
      return this;
    }

    /** The generated {@code $default} handler, e.g. {@code SampleDefaultHandler::new}. */
    public Builder message(
        Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> v) {
      settings.message = v;
      return this;
    }

    /** The generated {@code $disconnect} handler, e.g. {@code SampleDisconnectHandler::new}. */
    public Builder disconnect(
        Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> v) {
      settings.disconnect = v;
      return this;
    }

    /** The generated stream processor, e.g. {@code SampleStreamProcessor::new}. */
    public Builder processor(Function<AwsRuntime, ? extends RequestHandler<DynamodbEvent, StreamsEventResponse>> v) {
      settings.processor = v;
      return this;
    }

    /** The generated sweeper, e.g. {@code SampleSweeper::new}. */
    public Builder sweeper(Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> v) {
      settings.sweeper = v;
      return this;
    }

    /**
     * The generated worker of isolated actions, e.g. {@code SampleWorkerHandler::new} (an app with an isolated action
     * has one): the processor hands those requests to it, run on threads of their own as Lambda would run
     * asynchronous invocations. Without it the processor runs them itself.
     */
    public Builder worker(Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> v) {
      settings.worker = v;
      return this;
    }

    /** Interface the gateway binds and the host in its URLs; default {@code localhost}. */
    public Builder host(String v) {
      settings.host = Objects.requireNonNull(v);
      return this;
    }

    /** Gateway port (WebSocket and {@code @connections}); default 0, a free port. */
    public Builder port(int v) {
      settings.port = v;
      return this;
    }

    /** API stage, the first path segment; default {@code local}. */
    public Builder stage(String v) {
      settings.stage = Objects.requireNonNull(v);
      return this;
    }

    /** Use this DynamoDB (Local) instead of starting one in this JVM; run it with {@code -sharedDb}. */
    public Builder dynamoDbEndpoint(URI v) {
      settings.dynamoDbEndpoint = v;
      return this;
    }

    /** Port of the in-process DynamoDB Local; default 0, a free port. */
    public Builder dynamoDbPort(int v) {
      settings.dynamoDbPort = v;
      return this;
    }

    public Builder region(String v) {
      settings.region = Objects.requireNonNull(v);
      return this;
    }

    public Builder tables(TableNames v) {
      settings.tables = Objects.requireNonNull(v);
      return this;
    }

    /** HS256 secret of the handlers' JWT check and of {@link #devToken()}; at least 32 bytes. */
    public Builder jwtSecret(String v) {
      settings.jwtSecret = Objects.requireNonNull(v);
      return this;
    }

    /** More variables for the handlers (e.g. {@code PROGRESS_INTERVAL}, {@code MAX_RETRIES}); they win over the stack's. */
    public Builder environment(Map<String, String> v) {
      settings.environment = Map.copyOf(v);
      return this;
    }

    /**
     * Time between two sweeps ({@code SWEEP_INTERVAL}); default the template's, 20 s. As on AWS, the timer invokes
     * the sweeper once a minute and each invocation sweeps at this interval; the first runs after one interval.
     */
    public Builder sweepInterval(Duration v) {
      settings.sweepInterval = Objects.requireNonNull(v);
      return this;
    }

    /**
     * Pause between stream reads that found nothing; default 20 ms, for fast tests: Lambda polls a stream about four
     * times a second (250 ms), so queued requests start sooner here than on AWS.
     */
    public Builder pollInterval(Duration v) {
      settings.pollInterval = Objects.requireNonNull(v);
      return this;
    }

    /**
     * The event source mapping the stream poller applies; default {@link EventSourceMapping#DEFAULT}, what the SAM
     * template deploys.
     */
    public Builder eventSourceMapping(EventSourceMapping v) {
      settings.mapping = Objects.requireNonNull(v);
      return this;
    }

    /** The sweep interval this builder's stack will use (for the test that compares it with the template's). */
    Duration sweepIntervalSetting() {
      return settings.sweepInterval;
    }

    /** The mapping this builder's stack will apply (for the test that compares it with the template's). */
    EventSourceMapping mapping() {
      return settings.mapping;
    }

    /** Concurrent processor batches per shard (Lambda's ParallelizationFactor); default the template's, 10. */
    public Builder lanes(int v) {
      settings.mapping = settings.mapping.withParallelizationFactor(v);
      return this;
    }

    /** Most records per processor invocation; default the template's, 10. */
    public Builder batchSize(int v) {
      settings.mapping = settings.mapping.withBatchSize(v);
      return this;
    }

    /** Retries of a failing processor batch before its records are discarded; default the template's, 5. */
    public Builder maxBatchRetries(int v) {
      settings.mapping = settings.mapping.withMaximumRetryAttempts(v);
      return this;
    }

    /**
     * Timeout of the stream processor function (its {@code getRemainingTimeInMillis}); default the template's,
     * {@code FunctionTimeouts.of(STREAM_PROCESSOR)} (15 min).
     */
    public Builder processorTimeout(Duration v) {
      settings.processorTimeout = Objects.requireNonNull(v);
      return this;
    }

    /**
     * Largest message the gateway passes to {@code $default}; default API Gateway's 128 KB
     * ({@code Limits.MAX_MESSAGE_BYTES}). Larger ones close the socket (1009), as on AWS; raise it to see the
     * router's own typed error for an oversize message.
     */
    public Builder maxMessageBytes(int v) {
      settings.maxMessageBytes = v;
      return this;
    }

    /**
     * Whether a WebSocket frame over API Gateway's 32 KB closes the connection with 1009, as on AWS; default true.
     * Browsers send each message as one frame, so a browser can send at most 32 KB per message to API Gateway;
     * false lets single frames up to {@link #maxMessageBytes} through (clients that do not fragment, for tests).
     */
    public Builder apiGatewayFrameLimit(boolean v) {
      settings.frameLimit = v;
      return this;
    }

    /**
     * Whether a handshake whose URL is longer than API Gateway's 4096 characters is refused with 414 before
     * {@code $connect}, as API Gateway refuses it; default true. So a token too long for the query fails here as it
     * would on AWS; false lets URLs of up to 64 KiB reach {@code $connect}.
     */
    public Builder apiGatewayUrlLimit(boolean v) {
      settings.urlLimit = v;
      return this;
    }

    /** Concurrent {@code $default}/{@code $disconnect} invocations; default 64. */
    public Builder concurrency(int v) {
      settings.concurrency = v;
      return this;
    }

    /** Whether to serve the dev console at {@code http://localhost:{port}/}; default true. */
    public Builder console(boolean v) {
      settings.console = v;
      return this;
    }

    /**
     * The lower-case application name whose {@code META-INF/streamer/<app>-asyncapi.json} and JavaScript client the
     * console uses; default: the only AsyncAPI document on the class path.
     */
    public Builder app(String v) {
      settings.app = v;
      return this;
    }

    /**
     * The request the banner shows as an example of what to send, e.g.
     * {@code {"id":"1","action":"echo","payload":{"message":"hello"}}}; default none (the banner shows its shape).
     */
    public Builder exampleRequest(String v) {
      settings.exampleRequest = v;
      return this;
    }

    /** Where the start-up banner goes; null for none. Default {@code System.out}. */
    public Builder banner(PrintStream v) {
      settings.banner = v;
      return this;
    }

    /** Starts everything; on failure, whatever had started is stopped again. */
    public LocalStack start() {
      settings.validate();
      return new LocalStack(settings).startAll();
    }
  }
}
