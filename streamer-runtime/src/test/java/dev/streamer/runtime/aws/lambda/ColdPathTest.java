package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.core.validation.Violations;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.internal.auth.TestTokens;
import dev.streamer.runtime.aws.internal.connections.ConnectionStore;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the {@code $default} function loads for its first sync request, in a fresh JVM configured like a Lambda
 * function (environment only, {@code AWS_LAMBDA_INITIALIZATION_TYPE=on-demand}), against DynamoDB Local: none of the
 * parts it builds on first use (built-ins, request store, table definitions, event registry, scoped notifier, error
 * mapper), none of the classes whose defaults the configuration reads (it reads their compile-time constants), no
 * CRaC interface, no DRBG, and no lambda or method-reference class of Streamer's own (each spins a class
 * and method handles at a cold start). The cold-start harness in {@code samples/app} measures the rest.
 */
class ColdPathTest {

  /** Classes (names or prefixes) a first sync request must not load. */
  private static final List<String> NOT_LOADED = List.of(
      // built on first use: built-ins, request store, table definitions, scoped notifier, error mapper, broadcaster
      "dev.streamer.runtime.aws.internal.builtins.StatusRoute",
      "dev.streamer.runtime.aws.internal.builtins.BuiltinRoutes", // BuiltinsOnFirstUse calls it on first use
      "dev.streamer.runtime.aws.internal.requests.",
      "dev.streamer.runtime.aws.tables.StreamerTables",
      "dev.streamer.core.event.ScopedNotifier",
      "dev.streamer.core.protocol.ErrorMapper",
      "dev.streamer.runtime.aws.lambda.BroadcasterOnFirstUse",
      // the configuration reads their compile-time constants
      "dev.streamer.runtime.aws.internal.processor.ProcessorSettings",
      "dev.streamer.runtime.aws.internal.processor.SweepSchedule",
      "dev.streamer.runtime.aws.internal.progress.BatchedProgress",
      "dev.streamer.runtime.aws.internal.env.EnvDuration", // parses only variables that are set
      "dev.streamer.runtime.aws.config.FunctionTimeouts", // the deadline reads its compile-time constants
      // the log, log sink and metrics: written to only on an error, a refusal or an enqueue
      "dev.streamer.runtime.aws.internal.observability.JsonLog",
      "dev.streamer.runtime.aws.internal.observability.LogFields",
      "dev.streamer.runtime.aws.internal.observability.LogLevel",
      "dev.streamer.runtime.aws.internal.observability.LogSink",
      "dev.streamer.runtime.aws.internal.observability.StdoutSink",
      "dev.streamer.runtime.aws.internal.observability.Metrics",
      // the rate limits' counters: built when a limit first applies; RATE_LIMITS and MAX_RUNNING_PER_TENANT's
      // grammars: parsed only when set
      "dev.streamer.runtime.aws.internal.limits.FixedWindowCounters",
      "dev.streamer.runtime.aws.internal.limits.RateLimits",
      "dev.streamer.runtime.aws.internal.limits.RunningCaps",
      // the connection's record: the caller is read from its item, by the store itself (no adapter class)
      "dev.streamer.runtime.aws.internal.connections.ConnectionRecord",
      "dev.streamer.runtime.aws.lambda.StoredCallers",
      // a caller's notifier is the function's notifier class in its second role
      "dev.streamer.runtime.aws.lambda.CallerNotifiers$",
      // the built-ins' names: checked through their compile-time constants, an application action looked up first
      "dev.streamer.core.protocol.BuiltinAction",
      // the router applies the default id generator and sync progress itself
      "dev.streamer.core.routing.RouterConfig$Defaults",
      // builders used only to wire tests and local stacks
      "dev.streamer.runtime.aws.lambda.AwsRuntime$Builder",
      "dev.streamer.core.routing.RouterConfig$Builder",
      // SnapStart priming outside SnapStart, CRaC, the DRBG and its seeder
      "dev.streamer.runtime.aws.lambda.Priming",
      "org.crac.",
      "sun.security.provider.DRBG",
      "sun.security.provider.SeedGenerator",
      // error-path classes a catch clause, a throw or an assignment would load when its class is verified
      "dev.streamer.core.RetryableException",
      "dev.streamer.core.validation.ValidationException", // the router answers violations without it
      "dev.streamer.core.validation.BoundedChars$Exhausted",
      "software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException",
      "dev.streamer.core.protocol.ProtocolException", // built typed as RuntimeException, tested with instanceof
      "dev.streamer.core.StreamerException",
      "dev.streamer.core.json.JsonDecodeException", // likewise, built by JsonDecodeException.of
      // the envelope reader takes the payload's offsets from the parser's counter, not from a location object
      "com.fasterxml.jackson.core.JsonLocation",
      // a read message is an Envelope instance, no reader class beside it
      "dev.streamer.core.protocol.Requests",
      // no progress reporter for a sync action that takes none (Route.takesProgress)
      "dev.streamer.core.Progress",
      "dev.streamer.core.NoProgress",
      // a payload's regular-expression budget is a per-thread array, not a class
      "dev.streamer.core.validation.Constraints$PayloadBudget",
      // the default cancellation of a context that has none
      "dev.streamer.core.RequestContext$NotCancelled",
      "java.util.function.BooleanSupplier");

  /**
   * Classes a first accepted {@code $connect} must not load: the duration parser (no {@code JWT_LEEWAY} set), the
   * router, priming, CRaC and the DRBG; jackson-core, which only a refusal's body needs.
   */
  private static final List<String> NOT_LOADED_BY_CONNECT = List.of(
      "dev.streamer.runtime.aws.internal.env.EnvDuration",
      "dev.streamer.core.routing.Router",
      "dev.streamer.runtime.aws.lambda.Priming",
      "org.crac.",
      "sun.security.provider.DRBG",
      "com.fasterxml.jackson.");

  private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*] (\\S+) source: ");

  @Test
  void aSyncRequestLoadsNoneOfWhatIsBuiltOnFirstUse() throws Exception {
    TableNames tables = DynamoDbLocal.createTables("coldpath");
    try (var client = DynamoDbLocal.client()) {
      new ConnectionStore(client, tables.connections(), Duration.ofHours(1), Clock.systemUTC())
          .create("c-1", "alice", "acme", "https://abc.execute-api.us-east-1.amazonaws.com/prod", Map.of());
    }
    List<String> loaded = loadedBy(FirstMessage.class, environment(tables), "REPLY {\"type\":\"result\"");
    assertTrue(loaded.contains(DefaultFunction.class.getName()), "the log is the one expected");
    assertEquals(List.of(), unexpected(loaded, NOT_LOADED), "loaded for a sync request");
  }

  @Test
  void anAcceptedConnectLoadsNoParserItDoesNotUse() throws Exception {
    TableNames tables = DynamoDbLocal.createTables("coldconnect");
    Map<String, String> env = new HashMap<>(environment(tables));
    env.putAll(Map.of("JWT_ALGORITHM", "HS256", "JWT_SECRET", TestTokens.SECRET,
        FirstConnect.TOKEN, TestTokens.valid(Instant.now()).sign(TestTokens.hs256())));
    List<String> loaded = loadedBy(FirstConnect.class, env, "STATUS 200");
    assertTrue(loaded.contains(ConnectFunction.class.getName()), "the log is the one expected");
    assertEquals(List.of(), unexpected(loaded, NOT_LOADED_BY_CONNECT), "loaded for an accepted connect");
  }

  /** What a Lambda function's environment holds here: the tables on DynamoDB Local, an on-demand start. */
  private static Map<String, String> environment(TableNames tables) {
    return Map.of("REQUESTS_TABLE", tables.requests(), "CONNECTIONS_TABLE", tables.connections(),
        "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(), "AWS_REGION", DynamoDbLocal.REGION.id(),
        "AWS_ACCESS_KEY_ID", "streamertest", "AWS_SECRET_ACCESS_KEY", "streamertestsecret", "LOG_LEVEL", "WARN",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
  }

  /** The classes {@code main} loads in a fresh JVM with exactly {@code env}, which must print {@code expected}. */
  private static List<String> loadedBy(Class<?> main, Map<String, String> env, String expected) throws Exception {
    Path log = Files.createTempFile(Path.of("target"), "coldpath", ".classes");
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"), main.getName())
        .redirectErrorStream(true);
    child.environment().clear();
    child.environment().putAll(env);
    Process process = child.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains(expected), output);
    List<String> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      Matcher m = LOADED.matcher(line);
      if (m.find()) {
        loaded.add(m.group(1));
      }
    }
    Files.delete(log);
    return loaded;
  }

  /** Streamer's own lambda classes, and the classes named (or prefixed) in {@code notLoaded}, among {@code loaded}. */
  private static List<String> unexpected(List<String> loaded, List<String> notLoaded) {
    List<String> unexpected = new ArrayList<>();
    for (String name : loaded) {
      boolean streamerLambda = name.startsWith("dev.streamer.") && name.contains("$$Lambda");
      if (streamerLambda || notLoaded.stream().anyMatch(name::startsWith)) {
        unexpected.add(name);
      }
    }
    return unexpected;
  }

  /** The child JVM: one {@code $connect} function, one connect with the bearer token in {@value #TOKEN}. */
  static final class FirstConnect {
    static final String TOKEN = "COLD_PATH_TOKEN";

    public static void main(String[] args) {
      ConnectFunction function = new ConnectFunction(AwsRuntime.fromEnvironment());
      APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
      context.setRouteKey("$connect");
      context.setEventType("CONNECT");
      context.setConnectionId("c-2");
      context.setDomainName("abc.execute-api.us-east-1.amazonaws.com");
      context.setStage("prod");
      APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
      event.setRequestContext(context);
      event.setHeaders(Map.of("Authorization", "Bearer " + System.getenv(TOKEN)));
      APIGatewayV2WebSocketResponse response = function.handle(event, null);
      System.out.println("STATUS " + response.getStatusCode());
    }
  }

  /** The child JVM: one {@code $default} function, one sync message from a stored connection. */
  static final class FirstMessage {
    public static void main(String[] args) {
      DefaultFunction function = new DefaultFunction(AwsRuntime.fromEnvironment(),
          RouteTables.of("coldpath", new Echo()), List.of());
      APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
      context.setRouteKey("$default");
      context.setEventType("MESSAGE");
      context.setConnectionId("c-1");
      APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
      event.setRequestContext(context);
      event.setBody("{\"id\":\"1\",\"action\":\"echo\",\"payload\":\"hello\"}");
      context.setRequestTimeEpoch(System.currentTimeMillis()); // the deadline's API Gateway bound is computed
      APIGatewayV2WebSocketResponse response = function.handle(event, LambdaEvents.context(29_000));
      System.out.println("REPLY " + response.getBody());
    }
  }

  /** A sync action written without lambdas: its payload is a JSON string, returned as the result. */
  static final class Echo implements Route<String, String> {
    @Override public String action() { return "echo"; }
    @Override public String description() { return "echo"; }
    @Override public long estimatedMillis() { return 1; }
    @Override public boolean async() { return false; }
    @Override public boolean takesProgress() { return false; }
    @Override public String decode(JsonParser parser) throws IOException { return parser.getValueAsString(); }
    @Override public void validate(String payload, Violations violations) {}
    @Override public String invoke(String payload, RequestContext context, Progress progress) { return payload; }
    @Override public void writeResult(String result, JsonGenerator generator) throws IOException {
      generator.writeString(result);
    }
  }
}
