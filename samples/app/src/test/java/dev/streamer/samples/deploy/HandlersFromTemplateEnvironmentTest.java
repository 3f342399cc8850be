package dev.streamer.samples.deploy;

import static dev.streamer.deploy.sam.ParsedTemplate.cast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.streamer.deploy.sam.ParsedTemplate;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.tables.TableNames;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function of the template, started from the packaged jar in a fresh JVM whose environment is exactly the
 * template's (resolved as CloudFormation would, with a JWT secret "from Secrets Manager") plus local endpoint and
 * credential overrides, runs against DynamoDB Local: connect with a real token, route messages, process, sweep,
 * disconnect. Every AWS call a function makes must be allowed by its role in the template.
 */
class HandlersFromTemplateEnvironmentTest {

  private static final String SECRET = "sample-secret-0123456789abcdef-0123456789";
  private static final String SECRET_ID = "sample/jwt";
  private static final String ISSUER = "https://issuer.example";
  private static final String AUDIENCE = "sample-clients";

  private static ParsedTemplate template;
  private static TemplateEnvironment environment;
  private static TableNames tables;
  private static Map<String, String> localOverrides;

  @BeforeAll
  static void start() {
    template = BuildOutputs.parsedTemplate();
    tables = DynamoDbLocal.createTables("Template");
    environment = new TemplateEnvironment(template,
        Map.of("JwtAlgorithm", "HS256", "JwtSecretId", SECRET_ID, "JwtIssuer", ISSUER, "JwtAudience", AUDIENCE,
            "AWS::StackName", "sample-local"),
        Map.of("RequestsTable", tables.requests(), "ConnectionsTable", tables.connections()),
        Map.of(SECRET_ID, SECRET), Map.of());
    // What Lambda sets, and what makes the functions use DynamoDB Local.
    localOverrides = Map.of(
        "AWS_REGION", DynamoDbLocal.REGION.id(),
        "AWS_ACCESS_KEY_ID", "streamertest",
        "AWS_SECRET_ACCESS_KEY", "streamertestsecret",
        "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString());
  }

  @Test
  void everyFunctionStartsFromTheTemplateEnvironmentAndStaysWithinItsRole() {
    String connectionId = "conn-" + System.nanoTime();
    String token = JWT.create().withSubject("user-1").withClaim("tenant_id", "tenant-1").withIssuer(ISSUER)
        .withAudience(AUDIENCE).withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(SECRET));

    ChildJvm.Result connect = probe("SampleConnectHandler", "connect", connectionId, token);
    assertEquals(List.of("200 null"), connect.stdoutLines(HandlerProbe.RESULT), connect.stdout());
    assertEquals("user-1", connection(connectionId).get("userId").s());
    assertCalled(connect, "DynamoDb PutItem " + tables.connections() + " -");

    ChildJvm.Result message = probe("SampleDefaultHandler", "message", connectionId,
        "{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"message\":\"hi\"}}",
        "{\"id\":\"c-2\",\"action\":\"generate_report\",\"payload\":{\"startDate\":\"2024-01-01\","
            + "\"endDate\":\"2024-12-31\",\"recordCount\":10}}");
    List<String> replies = message.stdoutLines(HandlerProbe.RESULT);
    assertEquals(2, replies.size(), message.stdout());
    assertTrue(replies.get(0).startsWith("200 {\"type\":\"result\",\"id\":\"c-1\""), replies.get(0));
    assertTrue(replies.get(0).contains("\"user-1\""), replies.get(0));
    assertTrue(replies.get(1).startsWith("200 {\"type\":\"ack\",\"id\":\"c-2\""), replies.get(1));
    assertCalled(message, "DynamoDb GetItem " + tables.connections() + " -");
    assertCalled(message, "DynamoDb PutItem " + tables.requests() + " -");

    ChildJvm.Result process = probe("SampleStreamProcessor", "process", connectionId);
    assertEquals(List.of("failures=0"), process.stdoutLines(HandlerProbe.RESULT), process.stdout());

    ChildJvm.Result sweep = probe("SampleSweeper", "sweep", connectionId);
    assertEquals(1, sweep.stdoutLines(HandlerProbe.RESULT).size(), sweep.stdout());
    assertTrue(sweep.stdoutLines(HandlerProbe.RESULT).get(0).startsWith("{"), sweep.stdout());
    assertCalled(sweep, "DynamoDb Query " + tables.requests() + " status-time");

    ChildJvm.Result disconnect = probe("SampleDisconnectHandler", "disconnect", connectionId);
    assertEquals(List.of("200 null"), disconnect.stdoutLines(HandlerProbe.RESULT), disconnect.stdout());
    assertTrue(connection(connectionId).isEmpty(), "connection record deleted");
    assertCalled(disconnect, "DynamoDb DeleteItem " + tables.connections() + " -");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() {
    String token = JWT.create().withSubject("user-1").withClaim("tenant_id", "tenant-1").withIssuer(ISSUER)
        .withAudience("someone-else").withExpiresAt(Instant.now().plusSeconds(600)).sign(Algorithm.HMAC256(SECRET));
    String connectionId = "conn-" + System.nanoTime();
    ChildJvm.Result connect = probe("SampleConnectHandler", "connect", connectionId, token);
    List<String> results = connect.stdoutLines(HandlerProbe.RESULT);
    assertEquals(1, results.size(), connect.stdout());
    assertTrue(results.get(0).startsWith("401 "), results.get(0));
    assertTrue(connection(connectionId).isEmpty());
    assertEquals(List.of(), connect.stderrLines(RecordingInterceptor.PREFIX), "a refused token stores nothing");
  }

  private static void assertCalled(ChildJvm.Result result, String call) {
    assertTrue(result.stderrLines(RecordingInterceptor.PREFIX).contains(call),
        "expected " + call + " in " + result.stderrLines(RecordingInterceptor.PREFIX));
  }

  /** Runs {@code function}'s handler in a fresh JVM and checks its AWS calls against the function's role. */
  private static ChildJvm.Result probe(String function, String kind, String connectionId, String... args) {
    Map<String, String> env = new HashMap<>(environment.of(function));
    env.putAll(localOverrides);
    String handler = (String) template.properties(function).get("Handler");
    List<String> probeArgs = new ArrayList<>(List.of(handler, kind, connectionId));
    probeArgs.addAll(List.of(args));
    List<Path> classPath = List.of(BuildOutputs.artifact(), BuildOutputs.testClasses(), BuildOutputs.interceptors());
    ChildJvm.Result result = ChildJvm.run(
        ChildJvm.builder(classPath, env, HandlerProbe.class.getName(), probeArgs), 120);
    assertEquals(0, result.exitCode(), function + " failed:\n" + result.stdout() + result.stderr());
    List<String> calls = result.stderrLines(RecordingInterceptor.PREFIX);
    Set<String> allowed = allowedCalls(function);
    for (String call : calls) {
      assertTrue(allowed.contains(call), function + " called " + call + " but its role allows only " + allowed);
    }
    return result;
  }

  /**
   * The calls {@code function}'s role permits, in the interceptor's format ({@code DynamoDb GetItem <table> -}),
   * from its DynamoDB statements on the two tables and their indexes.
   */
  private static Set<String> allowedCalls(String function) {
    Map<String, Object> role = template.properties(function + "Role");
    List<Map<String, Object>> policies = cast(role.get("Policies"));
    Set<String> allowed = new HashSet<>();
    for (Map<String, Object> policy : policies) {
      List<Map<String, Object>> statements = cast(ParsedTemplate.<Map<String, Object>>cast(
          policy.get("PolicyDocument")).get("Statement"));
      for (Map<String, Object> statement : statements) {
        String target = dynamoTarget(statement.get("Resource"));
        if (target == null) {
          continue;
        }
        for (String action : ParsedTemplate.<List<String>>cast(statement.get("Action"))) {
          allowed.add("DynamoDb " + action.substring("dynamodb:".length()) + " " + target);
        }
      }
    }
    return allowed;
  }

  /** {@code <table> -} or {@code <table> <index>} for a table or index ARN of the template, else null. */
  private static String dynamoTarget(Object resource) {
    Map<String, Object> value = cast(resource);
    Map<String, String> names = Map.of("RequestsTable", tables.requests(), "ConnectionsTable", tables.connections());
    if (value.containsKey("Fn::GetAtt")) {
      List<String> att = cast(value.get("Fn::GetAtt"));
      return names.containsKey(att.get(0)) && att.get(1).equals("Arn") ? names.get(att.get(0)) + " -" : null;
    }
    String sub = (String) value.get("Fn::Sub");
    for (Map.Entry<String, String> table : names.entrySet()) {
      String prefix = "${" + table.getKey() + ".Arn}/index/";
      if (sub != null && sub.startsWith(prefix)) {
        return table.getValue() + " " + sub.substring(prefix.length());
      }
    }
    return null;
  }

  private static Map<String, AttributeValue> connection(String connectionId) {
    try (DynamoDbClient client = DynamoDbLocal.client()) {
      return client.getItem(b -> b.tableName(tables.connections()).consistentRead(true)
          .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }
  }
}
