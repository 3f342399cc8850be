package dev.streamer.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.protocol.Limits;
import dev.streamer.local.console.AppDocuments;
import dev.streamer.local.console.ConsoleHandler;
import dev.streamer.local.console.LogCapture;
import dev.streamer.local.dynamo.LocalDynamoDb;
import dev.streamer.local.gateway.WebSocketGateway;
import dev.streamer.local.lambda.LocalFunction;
import dev.streamer.local.lambda.LocalWorkerInvoker;
import dev.streamer.local.streams.ProcessorLanes;
import dev.streamer.local.streams.StreamPoller;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import dev.streamer.runtime.aws.internal.processor.IsolatedExecution;
import dev.streamer.runtime.aws.internal.threads.DaemonThreads;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The running parts of a {@link LocalStack} and how they depend on each other: its functions, DynamoDB, the gateway,
 * the handlers' runtime, the stream poller and the sweeper's timer. {@link #start} brings them up in dependency
 * order and wires the handlers, {@link #replaceHandlers} swaps the handlers together, {@link #close} stops
 * everything in dependency order. The stack guards these calls (closed flag, synchronization).
 */
final class StackServices {
  final StackSettings settings;
  final AdjustableClock clock;
  private final LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> connect;
  private final LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> message;
  private final LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> disconnect;
  private final LocalFunction<DynamodbEvent, StreamsEventResponse> processor;
  private final LocalFunction<Map<String, Object>, String> sweeper;
  /** The worker function of isolated actions and its in-process asynchronous invoker; null without one. */
  final LocalFunction<Map<String, Object>, String> worker;
  private final LocalWorkerInvoker workerInvoker;
  private final ExecutorService invocations;
  final SweeperTimer sweeps;
  private final LogCapture logs = new LogCapture();
  LocalDynamoDb dynamoDb;
  AwsRuntime runtime;
  WebSocketGateway gateway;
  private DynamoDbStreamsClient streamsClient;
  ProcessorLanes lanes;
  private StreamPoller poller;
  String devToken;

  StackServices(StackSettings b) {
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
    this.invocations = Executors.newFixedThreadPool(b.concurrency, DaemonThreads.named("local-invoke"));
    this.sweeps = new SweeperTimer(sweeper, b, clock,
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("local-sweeper")));
  }

  /** Starts every part, {@code owner}'s console included; on failure the caller closes what had started. */
  void start(LocalStack owner) {
    Region region = Region.of(settings.region);
    dynamoDb = settings.dynamoDbEndpoint == null
        ? LocalDynamoDb.startInMemory(settings.dynamoDbPort, region)
        : LocalDynamoDb.connect(settings.dynamoDbEndpoint, region);
    dynamoDb.createTables(settings.tables);
    gateway = new WebSocketGateway(
        new WebSocketGateway.Settings(settings.host, settings.port, settings.stage, settings.maxMessageBytes,
            Duration.ofSeconds(Limits.IDLE_TIMEOUT_SECONDS), settings.frameLimit, settings.urlLimit),
        new WebSocketGateway.Routes(connect, message, disconnect), invocations, settings.console ? () ->
            new ConsoleHandler(owner, AppDocuments.find(Thread.currentThread().getContextClassLoader(),
                settings.app), logs) : null);
    if (settings.console) {
      logs.install();
    }
    gateway.start();
    runtime = AwsRuntime.builder(settings.lambdaEnvironment(dynamoDb.endpoint(), gateway.managementEndpoint()))
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
    sweeps.start();
    devToken = mintToken(LocalStack.DEV_USER, LocalStack.DEV_TENANT, LocalStack.DEV_TOKEN_TTL);
    gateway.accept(true);
  }

  /** A token signed with the stack's secret, for any user and tenant. */
  String mintToken(String user, String tenant, Duration ttl) {
    return DevTokens.mint(settings.jwtSecret, settings.claim("JWT_USER_CLAIM", "sub"), user,
        settings.claim("JWT_TENANT_CLAIM", "tenant_id"), tenant, clock.instant(), ttl);
  }

  /** {@link LocalStack#replaceHandlers}: all handlers created first, then replaced together. */
  void replaceHandlers(StackSettings handlers) {
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

  /** {@link LocalStack#close}: every part that started, in dependency order. */
  void close() {
    try {
      if (gateway != null) {
        gateway.accept(false);
      }
      sweeps.close();
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
}
