package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.LambdaEvents;
import dev.streamer.runtime.aws.internal.auth.JwtAlgorithm;
import dev.streamer.runtime.aws.internal.auth.JwtConfig;
import dev.streamer.runtime.aws.config.EnvironmentVariables;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.config.EnvironmentVariables.SetBy;
import dev.streamer.runtime.aws.config.EnvironmentVariables.Variable;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.internal.connections.SendRetryPolicy;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogSink;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import dev.streamer.runtime.aws.tables.TableNames;
import dev.streamer.runtime.aws.JobRoute;
import dev.streamer.core.routing.RouteTables;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link EnvironmentVariables} is the truth the deployment template is generated from: each handler, built the way
 * its generated class builds it and invoked once, must read exactly the variables listed for it, and the listed
 * defaults must be the code's defaults.
 */
class EnvironmentVariablesTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static TableNames tables;

  @BeforeAll
  static void tables() {
    tables = DynamoDbLocal.createTables("EnvVars");
    // AwsClients falls back to the default chain when the environment has no credentials: the system properties
    // are its first source, and DynamoDB Local keeps one database per access key.
    System.setProperty("aws.accessKeyId", "streamertest");
    System.setProperty("aws.secretAccessKey", "streamertestsecret");
  }

  @AfterAll
  static void clearCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @ParameterizedTest
  @EnumSource(HandlerKind.class)
  void eachHandlerReadsExactlyItsListedVariables(HandlerKind handler) {
    RecordingEnvironment env = new RecordingEnvironment(Map.of(
        "REQUESTS_TABLE", tables.requests(),
        "CONNECTIONS_TABLE", tables.connections(),
        "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(),
        "AWS_REGION", DynamoDbLocal.REGION.id(),
        "JWT_ALGORITHM", "HS256",
        "JWT_SECRET", SECRET));
    // only the function of this kind is built, as in its own Lambda environment
    AwsRuntime runtime = AwsRuntime.builder(env).build();
    TestLambda lambda = new TestLambda(runtime,
        RouteTables.of("test", new JobRoute("job", (payload, context, progress) -> 1)));
    invokeOnce(lambda, runtime, handler);

    // The trace header is read per invocation from a copy of the environment (or System.getenv), which a
    // recording map cannot observe; TraceIdTest covers it.
    Set<String> expected = names(EnvironmentVariables.readBy(handler));
    expected.remove(AwsRuntime.TRACE_HEADER_ENV);
    Set<String> read = new TreeSet<>(env.read);
    read.remove(AwsRuntime.TRACE_HEADER_ENV);
    assertEquals(expected, read, handler + " reads other variables than EnvironmentVariables lists");
  }

  @Test
  void listedDefaultsAreTheCodeDefaults() {
    Map<String, String> defaults = EnvironmentVariables.ALL.stream()
        .filter(v -> !v.defaultValue().isEmpty())
        .collect(Collectors.toMap(Variable::name, Variable::defaultValue));
    assertEquals(StreamerConfig.defaults(), StreamerConfig.fromEnvironment(defaults));
    assertEquals(SendRetryPolicy.DEFAULT, SendRetryPolicy.fromEnvironment(defaults));
    Map<String, String> jwt = new HashMap<>(defaults);
    jwt.put("JWT_ALGORITHM", "HS256");
    jwt.put("JWT_SECRET", SECRET);
    JwtConfig fromDefaults = JwtConfig.fromEnvironment(jwt);
    JwtConfig built = JwtConfig.builder(JwtAlgorithm.HS256).secret(SECRET).build();
    assertEquals(built.toString(), fromDefaults.toString());
    assertEquals(Metrics.DEFAULT_NAMESPACE,
        Metrics.fromEnvironment(defaults, LogSink.stdout(), Clock.systemUTC()).namespace());
    assertEquals(JsonLog.DEFAULT_SERVICE, defaults.get("SERVICE_NAME"));
  }

  @Test
  void everyHandlerReadsTheTablesAndOnlyConnectReadsJwtSettings() {
    for (HandlerKind handler : HandlerKind.values()) {
      Set<String> template = names(EnvironmentVariables.templateVariables(handler));
      assertTrue(template.containsAll(Set.of("REQUESTS_TABLE", "CONNECTIONS_TABLE")), handler.name());
      assertEquals(handler == HandlerKind.CONNECT, template.contains("JWT_ALGORITHM"), handler.name());
    }
    assertTrue(EnvironmentVariables.ALL.stream()
        .filter(v -> v.name().startsWith("AWS_") || v.name().startsWith("_"))
        .allMatch(v -> v.setBy() == SetBy.LAMBDA), "reserved names are never set by the template");
    assertEquals(EnvironmentVariables.ALL.size(), names(EnvironmentVariables.ALL).size(), "names are unique");
  }

  private static void invokeOnce(TestLambda lambda, AwsRuntime runtime, HandlerKind handler) {
    switch (handler) {
      case CONNECT -> assertEquals(401, lambda.connect(event("$connect", "CONNECT"), null).getStatusCode());
      case DISCONNECT -> assertEquals(200, lambda.disconnect(event("$disconnect", "DISCONNECT"), null)
          .getStatusCode());
      case DEFAULT -> {
        APIGatewayV2WebSocketEvent message = event("$default", "MESSAGE");
        message.setBody("{\"action\":\"echo\",\"payload\":{}}");
        assertTrue(lambda.message(message, LambdaEvents.context(10_000)).getBody().contains("UNAUTHORIZED"));
        // its one send, the CANCELLED of a request cancelled while queued, builds the connection manager (the
        // owner's endpoint refuses: the send fails quietly after its retries)
        APIGatewayV2WebSocketEvent owner = event("$default", "MESSAGE");
        owner.getRequestContext().setConnectionId("envvars-owner");
        runtime.connectionStore().create("envvars-owner", "alice", "acme", "http://127.0.0.1:9/prod", Map.of());
        owner.setBody("{\"id\":\"q\",\"action\":\"job\",\"payload\":{\"n\":1}}");
        String ack = lambda.message(owner, LambdaEvents.context(10_000)).getBody();
        String requestId = ack.replaceAll(".*\"requestId\":\"([^\"]+)\".*", "$1");
        owner.setBody("{\"id\":\"c\",\"action\":\"cancel\",\"payload\":{\"requestId\":\"" + requestId
            + "\"}}");
        String cancelled = lambda.message(owner, LambdaEvents.context(10_000)).getBody();
        assertTrue(cancelled.contains("\"outcome\":\"CANCELLED\""), ack + " then " + cancelled);
      }
      case STREAM_PROCESSOR -> {
        DynamodbEvent batch = new DynamodbEvent();
        batch.setRecords(List.of());
        assertTrue(lambda.process(batch, LambdaEvents.context(10_000)).getBatchItemFailures().isEmpty());
      }
      case SWEEPER -> assertTrue(lambda.sweep(Map.of(), LambdaEvents.context(10_000)).startsWith("{"));
      // a late invocation: its request is gone (the worker reads it, claims nothing)
      case WORKER -> assertEquals("{\"requestId\":\"gone\",\"ran\":false}",
          lambda.work(Map.of("requestId", "gone", "attempt", 0), LambdaEvents.context(10_000)));
    }
  }

  private static APIGatewayV2WebSocketEvent event(String routeKey, String eventType) {
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setConnectionId("envvars-connection");
    context.setDomainName("abc123.execute-api.us-east-1.amazonaws.com");
    context.setStage("prod");
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    return event;
  }

  private static Set<String> names(List<Variable> variables) {
    return variables.stream().map(Variable::name).collect(Collectors.toCollection(TreeSet::new));
  }

  /** An environment that remembers which names were looked up. */
  private static final class RecordingEnvironment extends AbstractMap<String, String> {
    private final Map<String, String> values;
    final Set<String> read = ConcurrentHashMap.newKeySet();

    RecordingEnvironment(Map<String, String> values) {
      this.values = Map.copyOf(values);
    }

    @Override
    public String get(Object key) {
      read.add((String) key);
      return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      read.add((String) key);
      return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return values.entrySet();
    }
  }
}
