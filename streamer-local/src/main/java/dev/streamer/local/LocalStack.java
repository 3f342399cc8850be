package dev.streamer.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.local.console.AppDocuments;
import dev.streamer.local.console.ConsoleHandler;
import dev.streamer.local.console.LogCapture;
import dev.streamer.local.dynamo.LocalDynamoDb;
import dev.streamer.local.gateway.ConnectionRegistry;
import dev.streamer.local.gateway.WebSocketGateway;
import dev.streamer.local.lambda.LocalFunction;
import dev.streamer.local.lambda.LocalWorkerInvoker;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import dev.streamer.runtime.aws.internal.processor.IsolatedExecution;
import dev.streamer.local.streams.ProcessorLanes;
import dev.streamer.local.streams.StreamPoller;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import dev.streamer.runtime.aws.internal.processor.EventSourceMapping;
import dev.streamer.runtime.aws.internal.processor.SweepSchedule;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

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

  private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
  private static final Duration ON_DEMAND_SWEEP_TIME = Duration.ofSeconds(5);
  private final Builder settings;
  private final AdjustableClock clock;
  private final LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> connect;
  private final LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> message;
  private final LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> disconnect;
  private final LocalFunction<DynamodbEvent, StreamsEventResponse> processor;
  private final LocalFunction<Map<String, Object>, String> sweeper;
  /** The worker function of isolated actions and its in-process asynchronous invoker; null without one. */
  private final LocalFunction<Map<String, Object>, String> worker;
  private final LocalWorkerInvoker workerInvoker;
  private final ExecutorService invocations;
  private final ScheduledExecutorService timer;
  private final LogCapture logs = new LogCapture();
  private LocalDynamoDb dynamoDb;
  private AwsRuntime runtime;
  private WebSocketGateway gateway;
  private DynamoDbStreamsClient streamsClient;
  private ProcessorLanes lanes;
  private StreamPoller poller;
  private String devToken;
  private volatile boolean closed;

  private LocalStack(Builder b) {
    this.settings = b;
    this.clock = new AdjustableClock(b.clock);
    // the template's timeouts (FunctionTimeouts), so getRemainingTimeInMillis starts where it starts on AWS
    this.connect = new LocalFunction<>("connect", FunctionTimeouts.of(HandlerKind.CONNECT), b.connect);
    this.message = new LocalFunction<>("default", FunctionTimeouts.of(HandlerKind.DEFAULT), b.message);
    this.disconnect = new LocalFunction<>("disconnect", FunctionTimeouts.of(HandlerKind.DISCONNECT), b.disconnect);
    this.processor = new LocalFunction<>("stream-processor", b.processorTimeout, b.processor);
    this.sweeper = new LocalFunction<>("sweeper", FunctionTimeouts.of(HandlerKind.SWEEPER), b.sweeper);
    this.worker = b.worker == null ? null
        : new LocalFunction<>("worker", IsolatedExecution.WORKER_TIMEOUT, b.worker);
    this.workerInvoker = worker == null ? null : new LocalWorkerInvoker(worker);
    this.invocations = Executors.newFixedThreadPool(b.concurrency, daemonThreads("local-invoke"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("local-sweeper"));
  }

  public static Builder builder() {
    return new Builder();
  }

  private LocalStack startAll() {
    try {
      Region region = Region.of(settings.region);
      dynamoDb = settings.dynamoDbEndpoint == null
          ? LocalDynamoDb.startInMemory(settings.dynamoDbPort, region)
          : LocalDynamoDb.connect(settings.dynamoDbEndpoint, region);
      dynamoDb.createTables(settings.tables);
      gateway = new WebSocketGateway(
          new WebSocketGateway.Settings(settings.host, settings.port, settings.stage, settings.maxMessageBytes,
              Duration.ofMinutes(10), settings.frameLimit, settings.urlLimit),
          new WebSocketGateway.Routes(connect, message, disconnect), invocations, settings.console ? () ->
              new ConsoleHandler(this, AppDocuments.find(Thread.currentThread().getContextClassLoader(),
                  settings.app), logs) : null);
      if (settings.console) {
        logs.install();
      }
      gateway.start();
      runtime = AwsRuntime.builder(environment())
          .clock(clock)
          .dynamoDb(dynamoDb.client())
          .credentials(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(LocalDynamoDb.ACCESS_KEY_ID, LocalDynamoDb.SECRET_ACCESS_KEY)))
          .workerInvoker(workerInvoker)
          .build();
      for (LocalFunction<?, ?> function : List.of(connect, message, disconnect, processor, sweeper)) {
        function.instantiate(runtime);
      }
      if (worker != null) {
        worker.instantiate(runtime);
      }
      streamsClient = dynamoDb.newStreamsClient();
      lanes = new ProcessorLanes(settings.mapping, Duration.ofMillis(200), processor);
      poller = new StreamPoller(streamsClient, dynamoDb.streamArn(settings.tables.requests()), lanes,
          settings.pollInterval);
      poller.start();
      // as the template's schedule: an invocation every minute, which sweeps every SWEEP_INTERVAL until the next
      timer.scheduleAtFixedRate(this::sweepQuietly, settings.sweepInterval.toMillis(),
          SweepSchedule.RATE.toMillis(), TimeUnit.MILLISECONDS);
      devToken = mintToken(DEV_USER, DEV_TENANT, DEV_TOKEN_TTL);
      gateway.accept(true);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (settings.banner != null) {
      settings.banner.println(Banner.render(this));
    }
    return this;
  }

  /** The variables the handlers' runtime is configured by, as a Lambda function's environment. */
  private Map<String, String> environment() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("REQUESTS_TABLE", settings.tables.requests());
    p.put("CONNECTIONS_TABLE", settings.tables.connections());
    p.put("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
    p.put("WEBSOCKET_ENDPOINT", gateway.managementEndpoint().toString());
    p.put("AWS_REGION", settings.region);
    p.put("JWT_ALGORITHM", "HS256");
    p.put("JWT_SECRET", settings.jwtSecret);
    p.put("SWEEP_INTERVAL", settings.sweepInterval.toMillis() + "ms");
    p.put("PROCESSOR_CONCURRENCY", String.valueOf(settings.mapping.batchSize()));
    p.putAll(settings.environment);
    return p;
  }

  /** The dev console, {@code http://localhost:{port}/}; null when the builder turned it off. */
  public URI consoleUri() {
    return !settings.console ? null : URI.create("http://" + settings.host + ":" + gateway.port() + "/");
  }

  /** Where clients connect: {@code ws://localhost:{port}/{stage}}. */
  public URI webSocketUri() {
    return gateway.webSocketUri();
  }

  /** The Management API endpoint, {@code http://localhost:{port}/{stage}}; connections are under {@code /@connections}. */
  public URI connectionsEndpoint() {
    return gateway.managementEndpoint();
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  /** Whether DynamoDB Local runs inside this JVM (else the stack connected to a given endpoint). */
  public boolean dynamoDbInProcess() {
    return dynamoDb.inProcess();
  }

  /** The runtime every handler of this stack was created on (its configuration, clients and stores). */
  public AwsRuntime runtime() {
    return runtime;
  }

  public TableNames tables() {
    return settings.tables;
  }

  public String stage() {
    return settings.stage;
  }

  /** The stack's DynamoDB client (shared; do not close). */
  public DynamoDbClient dynamoDb() {
    return dynamoDb.client();
  }

  /**
   * Write calls the stack's handlers (and anyone using {@link #dynamoDb()}) made on {@code table}, or on every table
   * when null, since the start: {@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, conditional failures
   * included. What a request costs in writes, measured.
   */
  public long dynamoDbWrites(String table) {
    return dynamoDb.writes(table);
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
    // create all five first, so that a failing one leaves the stack on its previous handlers
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> c = create("connect", handlers.connect);
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> m = create("message", handlers.message);
    RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> d =
        create("disconnect", handlers.disconnect);
    RequestHandler<DynamodbEvent, StreamsEventResponse> p = create("processor", handlers.processor);
    RequestHandler<Map<String, Object>, String> s = create("sweeper", handlers.sweeper);
    // the worker of isolated actions is replaced when the stack started with one (its invoker is the runtime's);
    // without one, the processor runs isolated actions itself
    RequestHandler<Map<String, Object>, String> w =
        worker == null || handlers.worker == null ? null : create("worker", handlers.worker);
    connect.replace(c);
    message.replace(m);
    disconnect.replace(d);
    processor.replace(p);
    sweeper.replace(s);
    if (w != null) {
      worker.replace(w);
    }
  }

  private <H> H create(String name, Function<AwsRuntime, ? extends H> factory) {
    return Objects.requireNonNull(Objects.requireNonNull(factory, name + " handler").apply(runtime),
        () -> name + ": the handler factory returned null");
  }

  /** The request the banner shows, or null. */
  String exampleRequest() {
    return settings.exampleRequest;
  }

  /** The open WebSocket connections. */
  public ConnectionRegistry connections() {
    return gateway.connections();
  }

  /** A development token for {@code dev-user} in {@code dev-tenant}, valid for 12 hours from start. */
  public String devToken() {
    return devToken;
  }

  /** A token signed with the stack's secret, for any user and tenant. */
  public String mintToken(String user, String tenant, Duration ttl) {
    return DevTokens.mint(settings.jwtSecret, claim("JWT_USER_CLAIM", "sub"), user,
        claim("JWT_TENANT_CLAIM", "tenant_id"), tenant, clock.instant(), ttl);
  }

  private String claim(String variable, String fallback) {
    String configured = settings.environment.get(variable);
    return configured == null || configured.isBlank() ? fallback : configured.trim();
  }

  /**
   * The clock of the stack's handlers and tokens (the builder's {@link Builder#clock}, adjustable): retry delays,
   * leases, stale requests, connection and token expiry are measured on it.
   */
  public AdjustableClock clock() {
    return clock;
  }

  /**
   * Moves the stack's clock {@code duration} forward, so that what waits for time (a retry's delay, an expired
   * lease, a token's expiry) is due at once; run {@link #sweep()} to act on due retries and leases now.
   */
  public void advance(Duration duration) {
    clock.advance(duration);
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
    return lanes.pending();
  }

  /**
   * Restarts the WebSocket gateway on the same port: every connection is closed (1001, going away) and gets its
   * {@code $disconnect}; DynamoDB, the stream processor and the sweeper keep running.
   */
  public void restartGateway() {
    gateway.restart();
  }

  /**
   * Stops DynamoDB Local's HTTP server (only when it runs in this JVM): every handler call, stream read and sweep
   * fails to connect, as in a DynamoDB outage; the tables, items and stream are kept. {@link #startDynamoDb()} ends
   * the outage on the same port, and the stack carries on by itself (the poller resumes reading where it stood).
   */
  public void stopDynamoDb() {
    dynamoDb.stopServer();
  }

  /** Starts DynamoDB Local's HTTP server again after {@link #stopDynamoDb()}, on the same port and data. */
  public void startDynamoDb() {
    dynamoDb.startServer();
  }

  /**
   * Invokes the worker function of isolated actions now, on the calling thread, with {@code event}
   * ({@code {"requestId":…,"attempt":…}}), as a duplicate or late delivery by Lambda would; returns its summary.
   * {@link IllegalStateException} when the stack has no worker.
   */
  public String invokeWorker(Map<String, Object> event) {
    if (worker == null) {
      throw new IllegalStateException("this stack has no worker function (Builder.worker)");
    }
    return worker.invoke(event);
  }

  /**
   * Runs one sweep now and returns its summary: the sweeper is invoked with too little time left for a second one
   * (its timer's invocations sweep every {@code sweepInterval} for a minute).
   */
  public String sweep() {
    return sweeper.invoke(scheduledEvent(), ON_DEMAND_SWEEP_TIME);
  }

  private void sweepQuietly() {
    try {
      sweeper.invoke(scheduledEvent());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sweeper failed", e);
    }
  }

  /** An EventBridge scheduled event in AWS's JSON shape, as the Lambda runtime hands it to a map-typed handler. */
  private Map<String, Object> scheduledEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", "000000000000");
    event.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    event.put("region", settings.region);
    event.put("resources", List.of("arn:aws:events:" + settings.region + ":000000000000:rule/streamer-local-sweeper"));
    event.put("detail", Map.of());
    return event;
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
    try {
      if (gateway != null) {
        gateway.accept(false);
      }
      timer.shutdownNow();
      if (poller != null) {
        poller.close();
      }
      if (lanes != null) {
        lanes.close(Duration.ofSeconds(10));
      }
      if (workerInvoker != null) {
        workerInvoker.close();
      }
      if (gateway != null) {
        gateway.stop();
      }
      invocations.shutdown();
      awaitQuietly(invocations);
      if (streamsClient != null) {
        streamsClient.close();
      }
      if (dynamoDb != null) {
        dynamoDb.close();
      }
    } finally {
      if (runtime != null) {
        runtime.shutdownExecutors();
      }
      logs.uninstall();
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** How to build a {@link LocalStack}; every setting has a working default except the five handlers. */
  public static final class Builder {
    private Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> connect;
    private Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> message;
    private Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> disconnect;
    private Function<AwsRuntime, ? extends RequestHandler<DynamodbEvent, StreamsEventResponse>> processor;
    private Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> sweeper;
    private Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> worker;
    private String host = "localhost";
    private int port;
    private String stage = "local";
    private URI dynamoDbEndpoint;
    private int dynamoDbPort;
    private String region = "us-east-1";
    private TableNames tables = TableNames.defaults();
    private String jwtSecret = DEFAULT_JWT_SECRET;
    private Map<String, String> environment = Map.of();
    private Duration sweepInterval = SweepSchedule.DEFAULT_INTERVAL;
    private Duration pollInterval = Duration.ofMillis(20);
    private EventSourceMapping mapping = EventSourceMapping.DEFAULT;
    private Duration processorTimeout = FunctionTimeouts.of(HandlerKind.STREAM_PROCESSOR);
    private int maxMessageBytes = 1024 * 1024;
    private int concurrency = 64;
    private boolean frameLimit = true;
    private boolean urlLimit = true;
    private PrintStream banner = System.out;
    private Clock clock = Clock.systemUTC();
    private boolean console = true;
    private String app;
    private String exampleRequest;

    private Builder() {}

    /**
     * Base of the stack's clock; default the system UTC clock. The stack runs on it plus whatever
     * {@link LocalStack#advance} added, and so do the handlers it creates.
     */
    public Builder clock(Clock v) {
      this.clock = Objects.requireNonNull(v);
      return this;
    }

    /** The generated {@code $connect} handler, e.g. {@code SampleConnectHandler::new}. */
    public Builder connect(
        Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> v) {
      this.connect = v;
      return this;
    }

    /** The generated {@code $default} handler, e.g. {@code SampleDefaultHandler::new}. */
    public Builder message(
        Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> v) {
      this.message = v;
      return this;
    }

    /** The generated {@code $disconnect} handler, e.g. {@code SampleDisconnectHandler::new}. */
    public Builder disconnect(
        Function<AwsRuntime, ? extends RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> v) {
      this.disconnect = v;
      return this;
    }

    /** The generated stream processor, e.g. {@code SampleStreamProcessor::new}. */
    public Builder processor(Function<AwsRuntime, ? extends RequestHandler<DynamodbEvent, StreamsEventResponse>> v) {
      this.processor = v;
      return this;
    }

    /** The generated sweeper, e.g. {@code SampleSweeper::new}. */
    public Builder sweeper(Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> v) {
      this.sweeper = v;
      return this;
    }

    /**
     * The generated worker of isolated actions, e.g. {@code SampleWorkerHandler::new} (an app with an isolated action
     * has one): the processor hands those requests to it, run on threads of their own as Lambda would run
     * asynchronous invocations. Without it the processor runs them itself.
     */
    public Builder worker(Function<AwsRuntime, ? extends RequestHandler<Map<String, Object>, String>> v) {
      this.worker = v;
      return this;
    }

    /** Interface the gateway binds and the host in its URLs; default {@code localhost}. */
    public Builder host(String v) {
      this.host = Objects.requireNonNull(v);
      return this;
    }

    /** Gateway port (WebSocket and {@code @connections}); default 0, a free port. */
    public Builder port(int v) {
      this.port = v;
      return this;
    }

    /** API stage, the first path segment; default {@code local}. */
    public Builder stage(String v) {
      this.stage = Objects.requireNonNull(v);
      return this;
    }

    /** Use this DynamoDB (Local) instead of starting one in this JVM; run it with {@code -sharedDb}. */
    public Builder dynamoDbEndpoint(URI v) {
      this.dynamoDbEndpoint = v;
      return this;
    }

    /** Port of the in-process DynamoDB Local; default 0, a free port. */
    public Builder dynamoDbPort(int v) {
      this.dynamoDbPort = v;
      return this;
    }

    public Builder region(String v) {
      this.region = Objects.requireNonNull(v);
      return this;
    }

    public Builder tables(TableNames v) {
      this.tables = Objects.requireNonNull(v);
      return this;
    }

    /** HS256 secret of the handlers' JWT check and of {@link #devToken()}; at least 32 bytes. */
    public Builder jwtSecret(String v) {
      this.jwtSecret = Objects.requireNonNull(v);
      return this;
    }

    /** More variables for the handlers (e.g. {@code PROGRESS_INTERVAL}, {@code MAX_RETRIES}); they win over the stack's. */
    public Builder environment(Map<String, String> v) {
      this.environment = Map.copyOf(v);
      return this;
    }

    /**
     * Time between two sweeps ({@code SWEEP_INTERVAL}); default the template's, 20 s. As on AWS, the timer invokes
     * the sweeper once a minute and each invocation sweeps at this interval; the first runs after one interval.
     */
    public Builder sweepInterval(Duration v) {
      this.sweepInterval = Objects.requireNonNull(v);
      return this;
    }

    /**
     * Pause between stream reads that found nothing; default 20 ms, for fast tests: Lambda polls a stream about four
     * times a second (250 ms), so queued requests start sooner here than on AWS.
     */
    public Builder pollInterval(Duration v) {
      this.pollInterval = Objects.requireNonNull(v);
      return this;
    }

    /**
     * The event source mapping the stream poller applies; default {@link EventSourceMapping#DEFAULT}, what the SAM
     * template deploys.
     */
    public Builder eventSourceMapping(EventSourceMapping v) {
      this.mapping = Objects.requireNonNull(v);
      return this;
    }

    /** The sweep interval this builder's stack will use (for the test that compares it with the template's). */
    Duration sweepIntervalSetting() {
      return sweepInterval;
    }

    /** The mapping this builder's stack will apply (for the test that compares it with the template's). */
    EventSourceMapping mapping() {
      return mapping;
    }

    /** Concurrent processor batches per shard (Lambda's ParallelizationFactor); default the template's, 10. */
    public Builder lanes(int v) {
      this.mapping = mapping.withParallelizationFactor(v);
      return this;
    }

    /** Most records per processor invocation; default the template's, 10. */
    public Builder batchSize(int v) {
      this.mapping = mapping.withBatchSize(v);
      return this;
    }

    /** Retries of a failing processor batch before its records are discarded; default the template's, 5. */
    public Builder maxBatchRetries(int v) {
      this.mapping = mapping.withMaximumRetryAttempts(v);
      return this;
    }

    /**
     * Timeout of the stream processor function (its {@code getRemainingTimeInMillis}); default the template's,
     * {@code FunctionTimeouts.of(STREAM_PROCESSOR)} (15 min).
     */
    public Builder processorTimeout(Duration v) {
      this.processorTimeout = Objects.requireNonNull(v);
      return this;
    }

    /** Largest message the gateway passes to {@code $default}; default 1 MiB. Larger ones close the socket (1009). */
    public Builder maxMessageBytes(int v) {
      this.maxMessageBytes = v;
      return this;
    }

    /**
     * Whether a WebSocket frame over API Gateway's 32 KB closes the connection with 1009, as on AWS; default true.
     * Browsers send each message as one frame, so a browser can send at most 32 KB per message to API Gateway;
     * false lets single frames up to {@link #maxMessageBytes} through (clients that do not fragment, for tests).
     */
    public Builder apiGatewayFrameLimit(boolean v) {
      this.frameLimit = v;
      return this;
    }

    /**
     * Whether a handshake whose URL is longer than API Gateway's 4096 characters is refused with 414 before
     * {@code $connect}, as API Gateway refuses it; default true. So a token too long for the query fails here as it
     * would on AWS; false lets URLs of up to 64 KiB reach {@code $connect}.
     */
    public Builder apiGatewayUrlLimit(boolean v) {
      this.urlLimit = v;
      return this;
    }

    /** Concurrent {@code $default}/{@code $disconnect} invocations; default 64. */
    public Builder concurrency(int v) {
      this.concurrency = v;
      return this;
    }

    /** Whether to serve the dev console at {@code http://localhost:{port}/}; default true. */
    public Builder console(boolean v) {
      this.console = v;
      return this;
    }

    /**
     * The lower-case application name whose {@code META-INF/streamer/<app>-asyncapi.json} and JavaScript client the
     * console uses; default: the only AsyncAPI document on the class path.
     */
    public Builder app(String v) {
      this.app = v;
      return this;
    }

    /**
     * The request the banner shows as an example of what to send, e.g.
     * {@code {"id":"1","action":"echo","payload":{"message":"hello"}}}; default none (the banner shows its shape).
     */
    public Builder exampleRequest(String v) {
      this.exampleRequest = v;
      return this;
    }

    /** Where the start-up banner goes; null for none. Default {@code System.out}. */
    public Builder banner(PrintStream v) {
      this.banner = v;
      return this;
    }

    /** Starts everything; on failure, whatever had started is stopped again. */
    public LocalStack start() {
      Objects.requireNonNull(connect, "connect handler");
      Objects.requireNonNull(message, "message ($default) handler");
      Objects.requireNonNull(disconnect, "disconnect handler");
      Objects.requireNonNull(processor, "stream processor");
      Objects.requireNonNull(sweeper, "sweeper");
      if (jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
        throw new IllegalArgumentException("the JWT secret must be at least 32 bytes");
      }
      if (sweepInterval.isZero() || sweepInterval.isNegative()) {
        throw new IllegalArgumentException("sweepInterval must be positive");
      }
      return new LocalStack(this).startAll();
    }
  }
}
