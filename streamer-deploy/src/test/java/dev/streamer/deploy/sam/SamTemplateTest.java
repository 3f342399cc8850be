package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.ParsedTemplate.cast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.deploy.app.DeployedApp;
import dev.streamer.runtime.aws.config.EnvironmentVariables;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.runtime.aws.config.FunctionTimeouts;
import dev.streamer.runtime.aws.config.EnvironmentVariables.Variable;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** The generated template, read back with SnakeYAML, against the runtime's definitions. */
class SamTemplateTest {

  private static final DeployedApp APP =
      DeployedApp.find(SamTemplateTest.class.getClassLoader(), "Orders");
  private static final ParsedTemplate TEMPLATE = ParsedTemplate.parse(SamTemplate.yaml(APP, "../orders.jar"));
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

  @Test
  void isASamTemplateWithTheApplicationsMetadata() {
    Map<String, Object> root = TEMPLATE.root();
    assertEquals("2010-09-09", root.get("AWSTemplateFormatVersion"));
    assertEquals("AWS::Serverless-2016-10-31", root.get("Transform"));
    Map<String, Object> streamer = cast(TEMPLATE.section("Metadata").get("Streamer"));
    assertEquals("Orders", streamer.get("App"));
    assertEquals(List.of("place_order", "ship"), streamer.get("Actions"));
    Map<String, Object> globals = cast(TEMPLATE.section("Globals").get("Function"));
    assertEquals("java17", globals.get("Runtime"));
    assertEquals("../orders.jar", globals.get("CodeUri"));
    assertEquals("live", globals.get("AutoPublishAlias"));
    assertEquals(Map.of("ApplyOn", "PublishedVersions"), globals.get("SnapStart"));
  }

  @Test
  void oneFunctionPerHandlerNamedAsTheGeneratedClass() {
    List<String> functions = TEMPLATE.resourcesOfType("AWS::Serverless::Function");
    assertEquals(List.of("OrdersConnectHandler", "OrdersDisconnectHandler", "OrdersDefaultHandler",
        "OrdersStreamProcessor", "OrdersSweeper"), functions);
    for (HandlerKind handler : APP.functions()) {
      Map<String, Object> properties = TEMPLATE.properties(APP.handlerSimpleName(handler));
      assertEquals(APP.handlerClass(handler), properties.get("Handler"));
    }
    assertEquals(256, TEMPLATE.properties("OrdersConnectHandler").get("MemorySize"));
    assertEquals(256, TEMPLATE.properties("OrdersDefaultHandler").get("MemorySize"));
    assertEquals(29, TEMPLATE.properties("OrdersDefaultHandler").get("Timeout"));
    assertEquals(Map.of("Ref", Parameters.PROCESSOR_MEMORY_SIZE),
        TEMPLATE.properties("OrdersStreamProcessor").get("MemorySize"));
    Map<String, Object> memory = cast(TEMPLATE.section("Parameters").get(Parameters.PROCESSOR_MEMORY_SIZE));
    assertTrue((Integer) memory.get("Default") > 256);
  }

  /** The local stack's invocation deadlines read the same definition (LocalStackTest checks the processor's). */
  @Test
  void timeoutsAreTheRuntimesDefinition() {
    for (HandlerKind handler : APP.functions()) {
      Object timeout = TEMPLATE.properties(APP.handlerSimpleName(handler)).get("Timeout");
      long expected = FunctionTimeouts.of(handler).toSeconds();
      if (timeout instanceof Map<?, ?> ref) { // the processor's is a parameter, defaulting to the definition
        Map<String, Object> parameter = cast(TEMPLATE.section("Parameters").get(ref.get("Ref")));
        assertEquals(expected, ((Number) parameter.get("Default")).longValue(), handler.name());
      } else {
        assertEquals(expected, ((Number) timeout).longValue(), handler.name());
      }
    }
  }

  @Test
  void tablesEqualTheRuntimesDefinition() {
    for (TableDefinition table : StreamerTables.ALL) {
      Map<String, Object> properties = TEMPLATE.properties(LogicalIds.table(table));
      CreateTableRequest reference = table.toCreateTableRequest("unused");
      assertEquals(expectedShape(reference), shape(properties), table.logicalName());
      assertEquals("PAY_PER_REQUEST", properties.get("BillingMode"));
      assertEquals(Map.of("AttributeName", table.ttlAttribute(), "Enabled", true),
          properties.get("TimeToLiveSpecification"));
      assertEquals(Map.of("PointInTimeRecoveryEnabled", true), properties.get("PointInTimeRecoverySpecification"));
      assertEquals(Map.of("SSEEnabled", true), properties.get("SSESpecification"));
      Object stream = properties.get("StreamSpecification");
      if (table.streamView() == null) {
        assertNull(stream);
      } else {
        assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), stream);
      }
    }
    assertEquals(List.of("RequestsTable", "ConnectionsTable"), TEMPLATE.resourcesOfType("AWS::DynamoDB::Table"));
  }

  @Test
  void environmentOfEachFunctionIsExactlyWhatItsHandlerReadsAndTheJvmOptions() {
    for (HandlerKind handler : APP.functions()) {
      Set<String> expected = EnvironmentVariables.templateVariables(handler).stream()
          .map(Variable::name).collect(Collectors.toCollection(TreeSet::new));
      expected.remove("WORKER_FUNCTION"); // Orders has no isolated action, so no worker (SamTemplateWorkerTest)
      expected.add(JavaToolOptions.VARIABLE);
      Set<String> actual = new TreeSet<>(TEMPLATE.environment(APP.handlerSimpleName(handler)).keySet());
      assertEquals(expected, actual, handler.name());
    }
    Map<String, Object> connect = TEMPLATE.environment("OrdersConnectHandler");
    assertEquals(Map.of("Ref", "RequestsTable"), connect.get("REQUESTS_TABLE"));
    assertEquals(Map.of("Ref", "ConnectionsTable"), connect.get("CONNECTIONS_TABLE"));
    assertEquals(Map.of("Ref", Parameters.JWT_ALGORITHM), connect.get("JWT_ALGORITHM"));
    assertEquals(Map.of("Fn::If", List.of(Parameters.HAS_JWT_SECRET,
            Map.of("Fn::Sub", "{{resolve:secretsmanager:${JwtSecretId}:SecretString}}"), "")),
        connect.get("JWT_SECRET"));
    assertEquals(Map.of("Fn::If", List.of(Parameters.HAS_JWT_PUBLIC_KEY,
            Map.of("Fn::Sub", "{{resolve:ssm:${JwtPublicKeyParameter}}}"), "")),
        connect.get("JWT_PUBLIC_KEY"));
    assertEquals("5s", connect.get("RETRY_DELAY"), "runtime defaults are written out");
  }

  @Test
  void everyFunctionGetsTheJvmOptionsOnceFromTheGlobals() {
    Map<String, Object> globals = cast(TEMPLATE.section("Globals").get("Function"));
    Map<String, Object> variables = cast(ParsedTemplate.<Map<String, Object>>cast(globals.get("Environment"))
        .get("Variables"));
    assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
        variables.get(JavaToolOptions.VARIABLE));
    assertEquals(JavaToolOptions.value(), variables.get(JavaToolOptions.VARIABLE));
    for (HandlerKind handler : APP.functions()) {
      Map<String, Object> own = TEMPLATE.properties(APP.handlerSimpleName(handler));
      Object environment = own.get("Environment");
      assertFalse(environment != null && ParsedTemplate.<Map<String, Object>>cast(
          ParsedTemplate.<Map<String, Object>>cast(environment).get("Variables")).containsKey(JavaToolOptions.VARIABLE),
          handler + " must not override the global JVM options");
    }
  }

  @Test
  void iamNamesOnlyTheTwoTablesTheirIndexesAndStreamThisApiTheQueueAndOwnLogGroup() {
    Set<Object> shared = new HashSet<>(List.of(
        Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn")),
        Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn")),
        Map.of("Fn::Sub", "${RequestsTable.Arn}/index/" + StreamerTables.STATUS_TIME_INDEX),
        Map.of("Fn::Sub", "${ConnectionsTable.Arn}/index/" + StreamerTables.USER_CONNECTIONS_INDEX),
        Map.of("Fn::Sub", "${ConnectionsTable.Arn}/index/" + StreamerTables.TENANT_CONNECTIONS_INDEX),
        Map.of("Fn::Sub", "${RequestsTable.Arn}/stream/*"),
        Map.of("Fn::GetAtt", List.of(LogicalIds.FAILURE_QUEUE, "Arn")),
        Map.of("Fn::Sub", "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/*")));
    List<String> roles = TEMPLATE.resourcesOfType("AWS::IAM::Role");
    assertEquals(APP.functions().size(), roles.size());
    for (HandlerKind handler : APP.functions()) {
      String function = APP.handlerSimpleName(handler);
      assertEquals(Map.of("Fn::GetAtt", List.of(function + "Role", "Arn")), TEMPLATE.properties(function).get("Role"));
      Set<Object> allowed = new HashSet<>(shared);
      allowed.add(Map.of("Fn::GetAtt", List.of(function + "LogGroup", "Arn")));
      Map<String, Set<String>> actionsByResource = new LinkedHashMap<>();
      for (Map<String, Object> statement : statements(function + "Role")) {
        assertEquals("Allow", statement.get("Effect"));
        List<String> actions = cast(statement.get("Action"));
        for (String action : actions) {
          assertFalse(action.contains("*"), action);
          assertTrue(action.matches("(dynamodb|execute-api|sqs|logs):[A-Za-z]+"), action);
        }
        for (Object resource : resources(statement)) {
          assertTrue(allowed.contains(resource), function + " may not name " + resource);
          actionsByResource.computeIfAbsent(resource.toString(), r -> new TreeSet<>()).addAll(actions);
        }
      }
      // an action's Notifier reads the connections of a user or tenant it sends an event to: every function that
      // runs actions, and only those, may query the two connection indexes (and nothing else on them)
      boolean runsActions = handler == HandlerKind.DEFAULT || handler == HandlerKind.STREAM_PROCESSOR
          || handler == HandlerKind.WORKER;
      for (String index : List.of(StreamerTables.USER_CONNECTIONS_INDEX, StreamerTables.TENANT_CONNECTIONS_INDEX)) {
        assertEquals(runsActions ? Set.of("dynamodb:Query") : Set.of(), actionsOn(function + "Role",
            Map.of("Fn::Sub", "${ConnectionsTable.Arn}/index/" + index)), function + " on " + index);
      }
      // $default sends the CANCELLED of a request cancelled while queued
      boolean sends = handler == HandlerKind.DEFAULT || handler == HandlerKind.STREAM_PROCESSOR
          || handler == HandlerKind.SWEEPER;
      assertEquals(sends, actionsByResource.values().stream().anyMatch(a -> a.contains("execute-api:ManageConnections")),
          function + " ManageConnections");
    }
    assertEquals(Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"),
        actionsOn("OrdersConnectHandlerRole", Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn"))));
    assertEquals(Set.of("dynamodb:DeleteItem", "dynamodb:UpdateItem"),
        actionsOn("OrdersDisconnectHandlerRole", Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn"))));
    // $default: the caller, rate-limit counters and queue places; a 410 Gone on a cancel reply deletes the record
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
        actionsOn("OrdersDefaultHandlerRole", Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn"))));
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"),
        actionsOn("OrdersStreamProcessorRole", Map.of("Fn::GetAtt", List.of("ConnectionsTable", "Arn"))));
    assertEquals(Set.of(), actionsOn("OrdersConnectHandlerRole", Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"))));
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
        actionsOn("OrdersDefaultHandlerRole", Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"))));
    // the processor claims, reports and finishes with updates, and reads the cancel flag of a running job
    assertEquals(Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
        actionsOn("OrdersStreamProcessorRole", Map.of("Fn::GetAtt", List.of("RequestsTable", "Arn"))));
    assertEquals(Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator",
        "dynamodb:ListStreams"), actionsOn("OrdersStreamProcessorRole", Map.of("Fn::Sub", "${RequestsTable.Arn}/stream/*")));
    assertEquals(Set.of("dynamodb:Query"), actionsOn("OrdersSweeperRole",
        Map.of("Fn::Sub", "${RequestsTable.Arn}/index/" + StreamerTables.STATUS_TIME_INDEX)));
    assertFalse(TEMPLATE.properties("OrdersConnectHandlerRole").containsKey("ManagedPolicyArns"));
  }

  @Test
  void streamReachesTheProcessorWithPartialBatchFailuresFilterAndDeadLetterQueue() throws Exception {
    Map<String, Object> mapping = TEMPLATE.properties(LogicalIds.STREAM_MAPPING);
    assertEquals("AWS::Lambda::EventSourceMapping", TEMPLATE.resource(LogicalIds.STREAM_MAPPING).get("Type"));
    assertEquals(Map.of("Fn::GetAtt", List.of("RequestsTable", "StreamArn")), mapping.get("EventSourceArn"));
    assertEquals(Map.of("Ref", "OrdersStreamProcessor.Alias"), mapping.get("FunctionName"));
    assertEquals("LATEST", mapping.get("StartingPosition"));
    assertTrue((Integer) mapping.get("BatchSize") <= 10);
    assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
    assertEquals(true, mapping.get("BisectBatchOnFunctionError"));
    assertTrue((Integer) mapping.get("MaximumRetryAttempts") > 0);
    assertTrue((Integer) mapping.get("MaximumRecordAgeInSeconds") > 0);
    assertEquals(Map.of("OnFailure", Map.of("Destination", Map.of("Fn::GetAtt", List.of("StreamFailureQueue", "Arn")))),
        mapping.get("DestinationConfig"));
    Map<String, Object> criteria = cast(mapping.get("FilterCriteria"));
    List<Map<String, Object>> filters = cast(criteria.get("Filters"));
    assertEquals(1, filters.size());
    JsonNode pattern = new ObjectMapper().readTree((String) filters.get(0).get("Pattern"));
    assertEquals("[\"PENDING\"]", pattern.at("/dynamodb/NewImage/status/S").toString());
    assertEquals("[\"INSERT\",\"MODIFY\"]", pattern.at("/eventName").toString());
  }

  @Test
  void sweeperRunsEveryMinute() {
    Map<String, Object> rule = TEMPLATE.properties(LogicalIds.SWEEPER_SCHEDULE);
    assertEquals("rate(1 minute)", rule.get("ScheduleExpression"));
    List<Map<String, Object>> targets = cast(rule.get("Targets"));
    assertEquals(Map.of("Ref", "OrdersSweeper.Alias"), targets.get(0).get("Arn"));
    Map<String, Object> permission = TEMPLATE.properties(LogicalIds.SWEEPER_SCHEDULE + "Permission");
    assertEquals("events.amazonaws.com", permission.get("Principal"));
  }

  @Test
  void webSocketApiRoutesIntegrationsRouteResponseStageAndPermissions() {
    Map<String, Object> api = TEMPLATE.properties(LogicalIds.WEBSOCKET_API);
    assertEquals("WEBSOCKET", api.get("ProtocolType"));
    assertEquals("$request.body.action", api.get("RouteSelectionExpression"));
    Map<String, String> routes = new LinkedHashMap<>();
    for (String id : TEMPLATE.resourcesOfType("AWS::ApiGatewayV2::Route")) {
      Map<String, Object> route = TEMPLATE.properties(id);
      Map<String, Object> target = cast(route.get("Target"));
      List<Object> join = cast(target.get("Fn::Join"));
      List<Object> parts = cast(join.get(1));
      Map<String, Object> integrationRef = cast(parts.get(1));
      Map<String, Object> integration = TEMPLATE.properties((String) integrationRef.get("Ref"));
      assertEquals("AWS_PROXY", integration.get("IntegrationType"));
      List<Object> uri = cast(ParsedTemplate.<Map<String, Object>>cast(integration.get("IntegrationUri")).get("Fn::Join"));
      Map<String, Object> alias = cast(ParsedTemplate.<List<Object>>cast(uri.get(1)).get(1));
      routes.put((String) route.get("RouteKey"), (String) alias.get("Ref"));
    }
    assertEquals(Map.of("$connect", "OrdersConnectHandler.Alias", "$disconnect", "OrdersDisconnectHandler.Alias",
        "$default", "OrdersDefaultHandler.Alias"), routes);
    assertEquals("$default", TEMPLATE.properties("DefaultRoute").get("RouteResponseSelectionExpression"));
    Map<String, Object> response = TEMPLATE.properties("DefaultRouteResponse");
    assertEquals(Map.of("Ref", "DefaultRoute"), response.get("RouteId"));
    assertEquals("$default", response.get("RouteResponseKey"));

    List<String> deployments = TEMPLATE.resourcesOfType("AWS::ApiGatewayV2::Deployment");
    assertEquals(1, deployments.size());
    assertEquals(List.of("ConnectRoute", "DisconnectRoute", "DefaultRoute", "DefaultRouteResponse"),
        TEMPLATE.resource(deployments.get(0)).get("DependsOn"));
    assertEquals(Map.of("Ref", deployments.get(0)), TEMPLATE.properties(LogicalIds.STAGE).get("DeploymentId"));
    assertEquals(Map.of("Ref", Parameters.STAGE_NAME), TEMPLATE.properties(LogicalIds.STAGE).get("StageName"));

    Set<String> invokedByApiGateway = new TreeSet<>();
    for (String id : TEMPLATE.resourcesOfType("AWS::Lambda::Permission")) {
      Map<String, Object> permission = TEMPLATE.properties(id);
      if ("apigateway.amazonaws.com".equals(permission.get("Principal"))) {
        invokedByApiGateway.add((String) ParsedTemplate.<Map<String, Object>>cast(permission.get("FunctionName"))
            .get("Ref"));
        String source = (String) ParsedTemplate.<Map<String, Object>>cast(permission.get("SourceArn")).get("Fn::Sub");
        assertTrue(source.contains(":${WebSocketApi}/*/$"), source);
      }
    }
    assertEquals(new TreeSet<>(routes.values()), invokedByApiGateway);
  }

  @Test
  void outputsNameTheUrlAndTables() {
    Map<String, Object> outputs = TEMPLATE.section("Outputs");
    assertEquals(Set.of("WebSocketUrl", "ConnectionsEndpoint", "RequestsTableName", "ConnectionsTableName",
        "StreamFailureQueueUrl"), outputs.keySet());
    Map<String, Object> url = cast(outputs.get("WebSocketUrl"));
    assertTrue(ParsedTemplate.<Map<String, Object>>cast(url.get("Value")).get("Fn::Sub").toString()
        .startsWith("wss://${WebSocketApi}.execute-api."));
  }

  @Test
  void everyReferenceResolves() {
    Set<String> known = new HashSet<>(TEMPLATE.resources().keySet());
    known.addAll(TEMPLATE.section("Parameters").keySet());
    known.addAll(List.of("AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::URLSuffix"));
    for (String function : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
      known.add(function + ".Alias");
    }
    List<String> references = new ArrayList<>();
    collectReferences(TEMPLATE.root(), references);
    assertFalse(references.isEmpty());
    for (String reference : references) {
      String target = reference.endsWith(".Alias") ? reference : reference.replaceFirst("\\.(Arn|StreamArn)$", "");
      assertTrue(known.contains(target), "unresolved reference " + reference);
    }
    Set<String> conditions = TEMPLATE.section("Conditions").keySet();
    List<String> used = new ArrayList<>();
    collectConditions(TEMPLATE.root(), used);
    assertEquals(conditions, new HashSet<>(used));
  }

  @Test
  void generationIsDeterministic() {
    assertEquals(SamTemplate.yaml(APP, "x.jar"), SamTemplate.yaml(APP, "x.jar"));
  }

  private static List<Map<String, Object>> statements(String role) {
    List<Map<String, Object>> policies = cast(TEMPLATE.properties(role).get("Policies"));
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : policies) {
      statements.addAll(cast(ParsedTemplate.<Map<String, Object>>cast(policy.get("PolicyDocument")).get("Statement")));
    }
    return statements;
  }

  private static Set<String> actionsOn(String role, Object resource) {
    Set<String> actions = new TreeSet<>();
    for (Map<String, Object> statement : statements(role)) {
      if (resources(statement).contains(resource)) {
        actions.addAll(cast(statement.get("Action")));
      }
    }
    return actions;
  }

  /** A statement's {@code Resource}: one, or a list (IAM takes either). */
  private static List<Object> resources(Map<String, Object> statement) {
    Object resource = statement.get("Resource");
    return resource instanceof List<?> list ? List.copyOf(list) : List.of(resource);
  }

  private static void collectReferences(Object node, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object value = entry.getValue();
        switch (String.valueOf(entry.getKey())) {
          case "Ref" -> out.add((String) value);
          case "Fn::GetAtt" -> out.add(((List<?>) value).get(0) + "." + ((List<?>) value).get(1));
          case "Fn::Sub" -> {
            Matcher m = SUB_VARIABLE.matcher((String) value);
            while (m.find()) {
              out.add(m.group(1));
            }
          }
          case "DependsOn" -> ((List<?>) value).forEach(v -> out.add((String) v));
          default -> collectReferences(value, out);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectReferences(item, out));
    }
  }

  private static void collectConditions(Object node, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if ("Fn::If".equals(key)) {
          out.add((String) ((List<?>) value).get(0));
        }
        collectConditions(value, out);
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectConditions(item, out));
    }
  }

  /** The table as the SDK's CreateTableRequest (what the local stack creates), in the template's shape. */
  private static Map<String, Object> expectedShape(CreateTableRequest request) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("AttributeDefinitions", request.attributeDefinitions().stream()
        .map(a -> Map.of("AttributeName", a.attributeName(), "AttributeType", a.attributeTypeAsString()))
        .collect(Collectors.toSet()));
    shape.put("KeySchema", keySchema(request.keySchema()));
    shape.put("GlobalSecondaryIndexes", request.globalSecondaryIndexes().stream()
        .map(SamTemplateTest::index).collect(Collectors.toSet()));
    return shape;
  }

  private static Map<String, Object> index(GlobalSecondaryIndex index) {
    Map<String, Object> projection = new LinkedHashMap<>();
    projection.put("ProjectionType", index.projection().projectionTypeAsString());
    if (index.projection().hasNonKeyAttributes()) {
      projection.put("NonKeyAttributes", index.projection().nonKeyAttributes());
    }
    return Map.of("IndexName", index.indexName(), "KeySchema", keySchema(index.keySchema()),
        "Projection", projection);
  }

  private static List<Object> keySchema(List<KeySchemaElement> schema) {
    return schema.stream()
        .map(k -> (Object) Map.of("AttributeName", k.attributeName(), "KeyType", k.keyTypeAsString()))
        .toList();
  }

  private static Map<String, Object> shape(Map<String, Object> properties) {
    Map<String, Object> shape = new LinkedHashMap<>();
    shape.put("AttributeDefinitions", new HashSet<>(ParsedTemplate.<List<Object>>cast(properties.get("AttributeDefinitions"))));
    shape.put("KeySchema", properties.get("KeySchema"));
    List<Object> indexes = cast(properties.get("GlobalSecondaryIndexes"));
    shape.put("GlobalSecondaryIndexes", new HashSet<>(indexes));
    return shape;
  }
}
