package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.streamer.core.Notifier;
import dev.streamer.core.event.EventSink;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.CallerResolver;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.internal.connections.ConnectionManager;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.internal.connections.EventBroadcaster;
import dev.streamer.runtime.aws.internal.connections.ManagementApiClients;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.connections.SendRetryPolicy;
import dev.streamer.runtime.aws.internal.limits.FixedWindowCounters;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogSink;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.internal.processor.LambdaWorkerInvoker;
import dev.streamer.runtime.aws.internal.processor.WorkerInvoker;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.threads.DaemonThreads;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The configuration and shared parts of one execution environment, each part built on first use, so that a
 * function builds only what it uses ({@link ConnectFunction}: connection store; {@link DefaultFunction}: request
 * store and connection lookup; only the processor and sweeper build the Management API client, and a function whose
 * action sends a server event, which builds the {@link EventBroadcaster} on its first event). Every function of
 * a local stack or test shares one instance; on Lambda each function has its own, built once per environment from
 * its variables ({@link #fromEnvironment()}).
 *
 * <p>Nothing here is static but the reading of the invocation's X-Ray trace: two runtimes (two local stacks) can
 * live in one JVM.
 */
public final class AwsRuntime {

  /** The worker function's name or ARN, for the stream processor ({@code EnvironmentVariables}). */
  public static final String WORKER_FUNCTION = "WORKER_FUNCTION";
  /** The system property Lambda's Java runtime sets to the invocation's X-Ray trace header. */
  public static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
  /** The process's X-Ray trace header, set once per process ({@link #traceHeader}). */
  public static final String TRACE_HEADER_ENV = "_X_AMZN_TRACE_ID";

  private final Map<String, String> environment;
  private final StreamerConfig config;
  private final Clock clock;
  /** Given, or null for standard output ({@link #logSink()}), so that a cold start that logs nothing loads no sink. */
  private final LogSink logSink;
  private final Lazy<AwsCredentialsProvider> credentials;
  private final Lazy<DynamoDbClient> dynamoDb;
  private final Lazy<JsonLog> log;
  private final Lazy<Metrics> metrics;
  private final Lazy<ConnectionStore> connectionStore;
  private final Lazy<DynamoRequestStore> requestStore;
  private final Lazy<ConnectionManager> connectionManager;
  private final Lazy<MessageSender> sender;
  private final Lazy<EventBroadcaster> broadcaster;
  /** Given, or the broadcaster on first use, made on the first call of {@link #events()}. */
  private volatile EventSink events;
  private final Lazy<CallerResolver> callers;
  private final Lazy<FixedWindowCounters> rateCounters;
  private final Lazy<ExecutorService> workers;
  private final Lazy<ScheduledExecutorService> scheduler;
  private final WorkerInvoker workerInvoker;

  /**
   * A runtime of {@code b}'s parts, or with every part built from {@code environment} when {@code b} is null (Lambda's
   * {@link #fromEnvironment()}, which so loads no builder class).
   */
  private AwsRuntime(Map<String, String> environment, Builder b) {
    this.environment = environment;
    this.config = b != null && b.config != null ? b.config : StreamerConfig.fromEnvironment(environment);
    this.clock = b != null ? b.clock : Clock.systemUTC();
    this.logSink = b != null ? b.logSink : null;
    this.credentials = new Lazy<>(this, CREDENTIALS, b != null ? b.credentials : null);
    this.dynamoDb = new Lazy<>(this, DYNAMO_DB, b != null ? b.dynamoDb : null);
    this.log = new Lazy<>(this, LOG, null);
    this.metrics = new Lazy<>(this, METRICS, null);
    this.connectionStore = new Lazy<>(this, CONNECTION_STORE, null);
    this.requestStore = new Lazy<>(this, REQUEST_STORE, null);
    this.connectionManager = new Lazy<>(this, CONNECTION_MANAGER, null);
    this.sender = new Lazy<>(this, SENDER, b != null ? b.sender : null);
    this.broadcaster = new Lazy<>(this, BROADCASTER, null);
    this.events = b != null ? b.events : null;
    this.callers = new Lazy<>(this, CALLERS, b != null ? b.callers : null);
    this.rateCounters = new Lazy<>(this, RATE_COUNTERS, null);
    this.workers = new Lazy<>(this, WORKERS, b != null ? b.workers : null);
    this.scheduler = new Lazy<>(this, SCHEDULER, b != null ? b.scheduler : null);
    this.workerInvoker = b != null ? b.workerInvoker : null;
  }

  // The parts built on first use, by number: one switch rather than a lambda each, which a cold start would spin.
  private static final int CREDENTIALS = 0;
  private static final int DYNAMO_DB = 1;
  private static final int LOG = 2;
  private static final int METRICS = 3;
  private static final int CONNECTION_STORE = 4;
  private static final int REQUEST_STORE = 5;
  private static final int CONNECTION_MANAGER = 6;
  private static final int SENDER = 7;
  private static final int BROADCASTER = 8;
  private static final int CALLERS = 9;
  private static final int WORKERS = 10;
  private static final int SCHEDULER = 11;
  private static final int RATE_COUNTERS = 12;

  /** Part {@code part}, built on its first use ({@link Lazy}). */
  Object build(int part) {
    return switch (part) {
      case CREDENTIALS -> AwsClients.credentials();
      case DYNAMO_DB -> AwsClients.dynamoDb(config, credentials.get());
      case LOG -> JsonLog.fromEnvironment(environment, logSink(), clock);
      case METRICS -> Metrics.fromEnvironment(environment, logSink(), clock);
      case CONNECTION_STORE ->
          new ConnectionStore(dynamoDb.get(), config.tables().connections(), config.connectionTtl(), clock);
      case REQUEST_STORE -> new DynamoRequestStore(dynamoDb.get(), config.tables().requests(), clock,
          config.requestTtl(), config.maxRetries());
      case CONNECTION_MANAGER -> connectionManager();
      case SENDER -> connectionManager.get();
      case BROADCASTER ->
          new EventBroadcaster(connectionStore.get(), connectionManager.get(), log.get(), metrics.get());
      case CALLERS -> connectionStore.get(); // the connections table is the caller resolver
      case WORKERS -> Executors.newCachedThreadPool(DaemonThreads.named("streamer-job"));
      case SCHEDULER -> Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("streamer-progress"));
      case RATE_COUNTERS -> new FixedWindowCounters(dynamoDb.get(), config.tables().connections(), clock);
      default -> throw new IllegalArgumentException("no part " + part);
    };
  }

  /**
   * The runtime of a Lambda execution environment: configuration from the process environment (see
   * {@link StreamerConfig}), clients configured explicitly for a fast cold start (see {@link AwsClients}).
   */
  public static AwsRuntime fromEnvironment() {
    return new AwsRuntime(Collections.unmodifiableMap(System.getenv()), null);
  }

  /**
   * False only when Lambda says this environment is initialised without a snapshot
   * ({@code AWS_LAMBDA_INITIALIZATION_TYPE} {@code on-demand} or {@code provisioned-concurrency}): then a function
   * registers no SnapStart {@link Priming}. Here rather than in {@link Priming}, so that an ordinary cold start does
   * not load that class to find out.
   */
  static boolean snapshotPossible(Map<String, String> environment) {
    String initialization = environment.get(Priming.INITIALIZATION_TYPE);
    return !"on-demand".equals(initialization) && !"provisioned-concurrency".equals(initialization);
  }

  /**
   * The SnapStart priming of {@code routes} (null for a function without actions), registered with CRaC when a
   * snapshot is possible; null otherwise, and {@link Priming} is then not loaded: a function's {@code priming()} makes
   * an unregistered one when asked.
   */
  Priming registerPriming(RouteTable routes) {
    return snapshotPossible(environment) ? Priming.register(routes, log()) : null;
  }

  /**
   * The X-Ray trace id of {@code event}: the {@code Root} of its {@code X-Amzn-Trace-Id} header (API Gateway sends
   * one on {@code $connect}), else of the invocation's trace header ({@link #traceHeader}); null outside Lambda. Read
   * by the functions, which hand it on as data (log lines, the caller).
   */
  public String traceId(APIGatewayV2WebSocketEvent event) {
    if (event != null && event.getHeaders() != null) {
      for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
        if ("x-amzn-trace-id".equalsIgnoreCase(header.getKey())) {
          return rootTraceId(header.getValue());
        }
      }
    }
    return rootTraceId(traceHeader(environment));
  }

  /**
   * The invocation's X-Ray trace header, or null outside Lambda: Lambda's Java runtime sets the system property
   * {@value #TRACE_HEADER_PROPERTY} per invocation, which wins over {@value #TRACE_HEADER_ENV} (set once per
   * process). Here rather than in a class of its own, which {@code $default} would load at every cold start.
   */
  public static String traceHeader(Map<String, String> environment) {
    String header = System.getProperty(TRACE_HEADER_PROPERTY);
    if (header == null || header.isBlank()) {
      header = environment.get(TRACE_HEADER_ENV);
    }
    return header == null || header.isBlank() ? null : header.trim();
  }

  /** The {@code Root} of a trace header ({@code Root=1-5759e988-bd862e3f;Parent=5399;Sampled=1}), or null. */
  public static String rootTraceId(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith("Root=") && trimmed.length() > "Root=".length()) {
        return trimmed.substring("Root=".length());
      }
    }
    return null;
  }

  /** A runtime configured by {@code environment} (the variables a Lambda function would have). */
  public static Builder builder(Map<String, String> environment) {
    return new Builder(environment);
  }

  public Map<String, String> environment() {
    return environment;
  }

  public StreamerConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  /** Where log and metric lines go: the builder's sink, else standard output. */
  public LogSink logSink() {
    return logSink != null ? logSink : LogSink.stdout();
  }

  public AwsCredentialsProvider credentials() {
    return credentials.get();
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb.get();
  }

  public JsonLog log() {
    return log.get();
  }

  /** The log, built when first asked ({@link #log()}): for parts that log only on a failure. */
  Supplier<JsonLog> logOnFirstUse() {
    return log;
  }

  public Metrics metrics() {
    return metrics.get();
  }

  /** The metrics, built when first asked ({@link #metrics()}): for parts that emit only on a refusal or failure. */
  Supplier<Metrics> metricsOnFirstUse() {
    return metrics;
  }

  /** The rate limits' counters in the connections table, built when a limit first applies. */
  Supplier<FixedWindowCounters> rateCountersOnFirstUse() {
    return rateCounters;
  }

  public ConnectionStore connectionStore() {
    return connectionStore.get();
  }

  public DynamoRequestStore requestStore() {
    return requestStore.get();
  }

  /** Delivers progress and final messages: the connection manager on the Management API. */
  public MessageSender sender() {
    return sender.get();
  }

  /**
   * Delivers server events within a tenant: the {@link EventBroadcaster} on the connection manager, built on the
   * first event sent (so a function that sends none never builds it), unless the builder was given a sink.
   */
  public EventSink events() {
    EventSink current = events;
    if (current == null) { // holds only the lazy broadcaster: making it twice on two threads is harmless
      current = BroadcasterOnFirstUse.of(broadcaster);
      events = current;
    }
    return current;
  }

  /**
   * Each caller's {@link Notifier}, as actions get it on the sync and async paths: scoped to the caller's tenant,
   * encoding with the application's event registry ({@code <App>RouteTable.events()}, asked when the first event is
   * sent), delivered by {@link #events()}.
   */
  public Function<Caller, Notifier> notifiers(RouteTable routes) {
    return new CallerNotifiers(routes, this);
  }

  /** Who is behind a connection, as {@code $connect} stored it. */
  public CallerResolver callers() {
    return callers.get();
  }

  /** Runs jobs (so they can be timed out): daemon threads created as needed. */
  public ExecutorService workers() {
    return workers.get();
  }

  /** Runs trailing progress flushes: one daemon thread. */
  public ScheduledExecutorService scheduler() {
    return scheduler.get();
  }

  /**
   * How the stream processor hands a request of an isolated action to the worker function: the builder's invoker
   * (the local stack runs the worker in process), else an asynchronous {@code Invoke} of the function named by
   * {@code WORKER_FUNCTION}, whose Lambda client is built on the first dispatch; empty when neither is set (the
   * processor then runs isolated actions itself). Reads {@code WORKER_FUNCTION} and {@code LAMBDA_ENDPOINT} when
   * called.
   */
  public Optional<WorkerInvoker> workerInvoker() {
    if (workerInvoker != null) {
      return Optional.of(workerInvoker);
    }
    String function = environment.get(WORKER_FUNCTION);
    String endpoint = environment.get("LAMBDA_ENDPOINT");
    if (function == null || function.isBlank()) {
      return Optional.empty();
    }
    URI endpointOverride = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint.trim());
    Lazy<LambdaClient> client = new Lazy<>(() -> AwsClients.lambda(config, credentials.get(), endpointOverride));
    return Optional.of(new LambdaWorkerInvoker(client, function.trim()));
  }

  /**
   * Stops the job workers, the progress scheduler and the event broadcaster's senders, if they were built (a local
   * stack that closes). A Lambda
   * environment never calls this: it is frozen or ends with its process.
   */
  public void shutdownExecutors() {
    workers.ifBuilt(ExecutorService::shutdownNow);
    scheduler.ifBuilt(ExecutorService::shutdownNow);
    broadcaster.ifBuilt(EventBroadcaster::close);
  }

  private ConnectionManager connectionManager() {
    ManagementApiClients apis = new ManagementApiClients(AwsClients.region(config), credentials.get());
    ConnectionManager.Builder manager = ConnectionManager.builder(connectionStore.get(), apis)
        .retryPolicy(SendRetryPolicy.fromEnvironment(environment))
        .log(log.get())
        .metrics(metrics.get());
    if (config.websocketEndpoint() != null) {
      String endpoint = config.websocketEndpoint().toString();
      manager.fixedEndpoint(endpoint);
      apis.forEndpoint(endpoint); // built now, during initialisation: no I/O
    }
    return manager.build();
  }


  /**
   * What a runtime is made of. Everything not given is built from the environment on first use; tests and the
   * local stack inject clients (DynamoDB Local, a local {@code @connections} endpoint), a clock and a log sink.
   */
  public static final class Builder {
    private final Map<String, String> environment;
    private StreamerConfig config;
    private Clock clock = Clock.systemUTC();
    private LogSink logSink; // null: standard output
    private AwsCredentialsProvider credentials;
    private DynamoDbClient dynamoDb;
    private MessageSender sender;
    private CallerResolver callers;
    private EventSink events;
    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private WorkerInvoker workerInvoker;

    private Builder(Map<String, String> environment) {
      // not copied: a test observes which variables are read
      this.environment = Collections.unmodifiableMap(Objects.requireNonNull(environment, "environment"));
    }

    /** Settings instead of {@code StreamerConfig.fromEnvironment(environment)}. */
    public Builder config(StreamerConfig v) { this.config = Objects.requireNonNull(v); return this; }
    public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v); return this; }
    public Builder logSink(LogSink v) { this.logSink = Objects.requireNonNull(v); return this; }
    /** Credentials of the clients built here; default {@link AwsClients#credentials()}. */
    public Builder credentials(AwsCredentialsProvider v) { this.credentials = v; return this; }
    /** A DynamoDB client instead of one built from the configuration (not closed by the runtime). */
    public Builder dynamoDb(DynamoDbClient v) { this.dynamoDb = v; return this; }
    /** Delivers progress and final messages instead of a connection manager built from the configuration. */
    public Builder sender(MessageSender v) { this.sender = v; return this; }
    /** Finds the stored caller of a connection instead of the connections table. */
    public Builder callers(CallerResolver v) { this.callers = v; return this; }
    /** Delivers server events instead of an {@link EventBroadcaster} on the connection manager. */
    public Builder events(EventSink v) { this.events = v; return this; }
    public Builder workers(ExecutorService v) { this.workers = v; return this; }
    public Builder scheduler(ScheduledExecutorService v) { this.scheduler = v; return this; }
    /** Starts worker functions instead of invoking {@code WORKER_FUNCTION} on Lambda (the local stack). */
    public Builder workerInvoker(WorkerInvoker v) { this.workerInvoker = v; return this; }

    public AwsRuntime build() {
      return new AwsRuntime(environment, this);
    }
  }
}
