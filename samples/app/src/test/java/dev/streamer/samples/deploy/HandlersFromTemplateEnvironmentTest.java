package dev.streamer.samples.deploy;

import static dev.streamer.deploy.sam.ParsedTemplate.cast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.streamer.deploy.sam.ParsedTemplate;
import dev.streamer.runtime.aws.DynamoDbLocal;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every function of the template, started from the packaged jar in a fresh JVM whose environment is exactly the
 * template's (resolved as CloudFormation would, with a JWT secret "from Secrets Manager") plus local endpoint and
 * credential overrides, runs against DynamoDB Local: connect with a real token, route messages, process, sweep,
 * disconnect. Every AWS call a function makes (DynamoDB, and {@code @connections} on a recording stand-in) must be
 * allowed by its role in the template.
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
  private static ManagementApiRecorder connections;
  private static LambdaInvokeRecorder lambda;
  /** What CloudFormation resolves the worker's alias to ({@code Ref: SampleWorkerHandler.Alias}). */
  private static final String WORKER_ALIAS = "arn:aws:lambda:us-east-1:123456789012:function:sample-worker:live";

  @BeforeAll
  static void start() throws IOException {
    connections = ManagementApiRecorder.start("prod");
    lambda = LambdaInvokeRecorder.start();
    template = BuildOutputs.parsedTemplate();
    tables = DynamoDbLocal.createTables("Template");
    environment = new TemplateEnvironment(template,
        Map.of("JwtAlgorithm", "HS256", "JwtSecretId", SECRET_ID, "JwtIssuer", ISSUER, "JwtAudience", AUDIENCE,
            "AWS::StackName", "sample-local"),
        Map.of("RequestsTable", tables.requests(), "ConnectionsTable", tables.connections(),
            "SampleWorkerHandler.Alias", WORKER_ALIAS),
        Map.of(SECRET_ID, SECRET), Map.of());
    // What Lambda sets, and what makes the functions use DynamoDB Local.
    localOverrides = Map.of(
        "AWS_REGION", DynamoDbLocal.REGION.id(),
        "AWS_ACCESS_KEY_ID", "streamertest",
        "AWS_SECRET_ACCESS_KEY", "streamertestsecret",
        "DYNAMODB_ENDPOINT", DynamoDbLocal.endpoint().toString(),
        "WEBSOCKET_ENDPOINT", connections.endpoint().toString(),
        "LAMBDA_ENDPOINT", lambda.endpoint().toString());
  }

  @AfterAll
  static void stop() {
    connections.close();
    lambda.close();
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

    // the built-ins on a queued request, within $default's role: status, subscribe and cancel, whose CANCELLED goes
    // to the request's owner through the Management API
    ChildJvm.Result toCancel = probe("SampleDefaultHandler", "message", connectionId,
        "{\"id\":\"c-6\",\"action\":\"generate_report\",\"payload\":{\"startDate\":\"2024-01-01\","
            + "\"endDate\":\"2024-12-31\",\"recordCount\":10}}");
    String cancelId = requestIdOf(toCancel.stdoutLines(HandlerProbe.RESULT).get(0));
    ChildJvm.Result builtins = probe("SampleDefaultHandler", "message", connectionId,
        "{\"id\":\"c-7\",\"action\":\"status\",\"payload\":{\"requestId\":\"" + cancelId + "\"}}",
        "{\"id\":\"c-8\",\"action\":\"subscribe\",\"payload\":{\"requestId\":\"" + cancelId + "\"}}",
        "{\"id\":\"c-9\",\"action\":\"cancel\",\"payload\":{\"requestId\":\"" + cancelId + "\"}}");
    List<String> answers = builtins.stdoutLines(HandlerProbe.RESULT);
    assertEquals(3, answers.size(), builtins.stdout());
    for (String answer : answers) {
      assertTrue(answer.startsWith("200 {\"type\":\"result\""), answer);
    }
    assertTrue(answers.get(2).contains("\"outcome\":\"CANCELLED\""), answers.get(2));
    assertEquals("CANCELLED", request(cancelId).get("status").s());
    assertCalled(builtins, "DynamoDb UpdateItem " + tables.requests() + " -");
    assertTrue(connections.posted().stream().anyMatch(body -> body.contains("\"id\":\"c-6\"")
        && body.contains("CANCELLED")), "the owner got the CANCELLED error: " + connections.posted());

    // server events: a sync action's event to the caller's tenant, sent by $default, reads the tenant's connections
    ChildJvm.Result announce = probe("SampleDefaultHandler", "message", connectionId,
        "{\"id\":\"c-4\",\"action\":\"announce\",\"payload\":{\"text\":\"to the tenant\"}}");
    assertTrue(announce.stdoutLines(HandlerProbe.RESULT).get(0).startsWith("200 {\"type\":\"result\",\"id\":\"c-4\""),
        announce.stdout());
    assertCalled(announce, "DynamoDb Query " + tables.connections() + " " + StreamerTables.TENANT_CONNECTIONS_INDEX);
    assertTrue(connections.posted().stream().anyMatch(body -> body.contains("to the tenant")),
        "the event was posted to the tenant's connection: " + connections.posted());

    String requestId = requestIdOf(replies.get(1));
    ChildJvm.Result process = probe("SampleStreamProcessor", "process", connectionId, requestId, "generate_report");
    assertEquals(List.of("failures=0"), process.stdoutLines(HandlerProbe.RESULT), process.stdout());
    assertEquals("COMPLETED", request(requestId).get("status").s(), process.stdout());
    assertCalled(process, "DynamoDb UpdateItem " + tables.requests() + " -");
    assertCalled(process, "ApiGatewayManagementApi PostToConnection - -");
    assertTrue(connections.posted().stream().anyMatch(body -> body.startsWith("{\"type\":\"result\",\"id\":\"c-2\"")),
        "the result was posted to the caller: " + connections.posted());

    // an async action's event to a user, sent by the stream processor, reads the user's connections
    ChildJvm.Result direct = probe("SampleDefaultHandler", "message", connectionId,
        "{\"id\":\"c-5\",\"action\":\"direct_message\",\"payload\":{\"userId\":\"user-1\","
            + "\"text\":\"to the user\"}}");
    String directId = requestIdOf(direct.stdoutLines(HandlerProbe.RESULT).get(0));
    ChildJvm.Result sent = probe("SampleStreamProcessor", "process", connectionId, directId, "direct_message");
    assertEquals(List.of("failures=0"), sent.stdoutLines(HandlerProbe.RESULT), sent.stdout());
    assertEquals("COMPLETED", request(directId).get("status").s(), sent.stdout());
    assertCalled(sent, "DynamoDb Query " + tables.connections() + " " + StreamerTables.USER_CONNECTIONS_INDEX);
    assertTrue(connections.posted().stream().anyMatch(body -> body.contains("to the user")),
        "the event was posted to the user's connection: " + connections.posted());

    // an isolated action: the processor hands it to the worker (an asynchronous Invoke of the worker's alias, the
    // one function its role may invoke), and the worker, started with the recorded event, runs it within its role
    ChildJvm.Result queued = probe("SampleDefaultHandler", "message", connectionId,
        "{\"id\":\"c-3\",\"action\":\"export_records\",\"payload\":{\"dataset\":\"orders\",\"rows\":2000}}");
    String exportId = requestIdOf(queued.stdoutLines(HandlerProbe.RESULT).get(0));
    ChildJvm.Result dispatch = probe("SampleStreamProcessor", "process", connectionId, exportId, "export_records");
    assertEquals(List.of("failures=0"), dispatch.stdoutLines(HandlerProbe.RESULT), dispatch.stdout());
    assertEquals("PENDING", request(exportId).get("status").s(), "the processor claims nothing");
    assertCalled(dispatch, "Lambda Invoke - -");
    assertEquals(List.of(new LambdaInvokeRecorder.Invocation(WORKER_ALIAS, "Event",
        "{\"requestId\":\"" + exportId + "\",\"attempt\":0}")), lambda.invocations());
    ChildJvm.Result work = probe("SampleWorkerHandler", "work", connectionId, exportId, "0");
    assertEquals(List.of("{\"requestId\":\"" + exportId + "\",\"ran\":true}"),
        work.stdoutLines(HandlerProbe.RESULT), work.stdout());
    assertEquals("COMPLETED", request(exportId).get("status").s(), work.stdout());
    assertTrue(connections.posted().stream().anyMatch(body -> body.startsWith("{\"type\":\"result\",\"id\":\"c-3\"")),
        "the worker posted the result to the caller: " + connections.posted());

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
   * from its DynamoDB statements on the two tables and their indexes, and its {@code execute-api:ManageConnections}
   * statement on this API.
   */
  private static Set<String> allowedCalls(String function) {
    Map<String, Object> role = template.properties(function + "Role");
    List<Map<String, Object>> policies = cast(role.get("Policies"));
    Set<String> allowed = new HashSet<>();
    for (Map<String, Object> policy : policies) {
      List<Map<String, Object>> statements = cast(ParsedTemplate.<Map<String, Object>>cast(
          policy.get("PolicyDocument")).get("Statement"));
      for (Map<String, Object> statement : statements) {
        if (ParsedTemplate.<List<String>>cast(statement.get("Action")).equals(List.of("lambda:InvokeFunction"))
            && Map.of("Ref", "SampleWorkerHandler.Alias").equals(statement.get("Resource"))) {
          allowed.add("Lambda Invoke - -"); // the worker's alias, which the recorder saw invoked
          continue;
        }
        if (ParsedTemplate.<List<String>>cast(statement.get("Action")).equals(List.of("execute-api:ManageConnections"))
            && String.valueOf(statement.get("Resource")).contains("${WebSocketApi}/")) {
          for (String operation : List.of("PostToConnection", "GetConnection", "DeleteConnection")) {
            allowed.add("ApiGatewayManagementApi " + operation + " - -");
          }
          continue;
        }
        Object resources = statement.get("Resource"); // one, or a list (IAM takes either)
        for (Object resource : resources instanceof List<?> list ? list : List.of(resources)) {
          String target = dynamoTarget(resource);
          if (target == null) {
            continue;
          }
          for (String action : ParsedTemplate.<List<String>>cast(statement.get("Action"))) {
            allowed.add("DynamoDb " + action.substring("dynamodb:".length()) + " " + target);
          }
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

  private static String requestIdOf(String ackReply) {
    Matcher id = Pattern.compile("\"requestId\":\"([^\"]+)\"").matcher(ackReply);
    assertTrue(id.find(), ackReply);
    return id.group(1);
  }

  private static Map<String, AttributeValue> request(String requestId) {
    try (DynamoDbClient client = DynamoDbLocal.client()) {
      return client.getItem(b -> b.tableName(tables.requests()).consistentRead(true)
          .key(Map.of("requestId", AttributeValue.fromS(requestId)))).item();
    }
  }

  private static Map<String, AttributeValue> connection(String connectionId) {
    try (DynamoDbClient client = DynamoDbLocal.client()) {
      return client.getItem(b -> b.tableName(tables.connections()).consistentRead(true)
          .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }
  }
}
