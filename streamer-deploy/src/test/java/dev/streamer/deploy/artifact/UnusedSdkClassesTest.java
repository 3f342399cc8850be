package dev.streamer.deploy.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The analysis on the real SDK jars, with a class standing for the application. */
class UnusedSdkClassesTest {

  private static final String MODEL = "software/amazon/awssdk/services/dynamodb/model/";

  /** The application: calls GetItem (consumer-builder form) and Query (paginator), nothing else. */
  static final class App {
    static Object run(DynamoDbClient client) {
      client.getItem(b -> b.tableName("t").key(Map.of("k", AttributeValue.fromS("v"))));
      return client.queryPaginator(b -> b.tableName("t")).items();
    }
  }

  private static UnusedSdkClasses.Result result;

  @BeforeAll
  static void analyse() throws IOException, URISyntaxException {
    Map<String, Set<String>> references = new HashMap<>();
    Map<String, Set<String>> supertypes = new HashMap<>();
    for (Class<?> inJar : List.of(DynamoDbClient.class, ApiGatewayManagementApiClient.class)) {
      readJar(Path.of(inJar.getProtectionDomain().getCodeSource().getLocation().toURI()), references, supertypes);
    }
    String app = App.class.getName().replace('.', '/');
    try (InputStream in = App.class.getResourceAsStream("/" + app + ".class")) {
      ClassReferences.Parsed parsed = ClassReferences.read(in.readAllBytes());
      references.put(app, parsed.names());
      supertypes.put(app, parsed.supertypes());
    }
    result = UnusedSdkClasses.of(references, supertypes);
  }

  @Test
  void usedOperationsAreTheCalledOnesAndWhatTheSdkCallsItself() {
    assertEquals(Set.of("dynamodb/GetItem", "dynamodb/Query", "dynamodb/DescribeEndpoints", "dynamodb/DescribeTable"),
        result.used(), "endpoint discovery calls DescribeEndpoints, the table waiters DescribeTable (the Lambda jar"
            + " leaves the waiters out); no @connections operation is called here");
  }

  @Test
  void shapesOnlyUnusedOperationsReferenceAreRemoved() {
    for (String shape : List.of("BackupDescription", "BackupDescription$BuilderImpl", "GlobalTableDescription",
        "ExportDescription", "ScanRequest$BuilderImpl", "WriteRequest")) {
      assertTrue(result.removable().contains(MODEL + shape), shape);
    }
    assertTrue(result.removable().contains("software/amazon/awssdk/services/dynamodb/paginators/ScanIterable$1"));
  }

  @Test
  void whatUsedOperationsReachStays() {
    for (String shape : List.of("AttributeValue", "AttributeValue$BuilderImpl", "GetItemRequest$BuilderImpl",
        "QueryResponse$BuilderImpl", "ConsumedCapacity", "Condition", "ResourceNotFoundException",
        "ConditionalCheckFailedException", "DescribeEndpointsResponse$BuilderImpl", "Endpoint")) {
      assertFalse(result.removable().contains(MODEL + shape), shape);
      assertFalse(result.unusedButLoadable().contains(MODEL + shape), shape);
    }
  }

  @Test
  void unusedOperationsKeepOnlyTheirRequestClass() throws ClassNotFoundException {
    // the verifier loads every request class when it links the client; the endpoint interceptor tests them
    assertEquals(Set.of(), result.unusedButLoadable().stream()
        .filter(name -> !name.matches("software/amazon/awssdk/services/\\w+/model/\\w+Request"))
        .collect(Collectors.toSet()));
    for (String kept : List.of("ScanRequest", "CreateBackupRequest", "BatchGetItemRequest")) {
      assertTrue(result.unusedButLoadable().contains(MODEL + kept), kept);
    }
    // what only the operation's own code creates is never loaded: builders, response, marshaller
    for (String gone : List.of(MODEL + "ScanResponse", MODEL + "CreateBackupRequest$Builder",
        MODEL + "ScanRequest$BuilderImpl", "software/amazon/awssdk/services/dynamodb/transform/ScanRequestMarshaller")) {
      assertTrue(result.removable().contains(gone), gone);
    }
    // loading a request class loads its superclass
    assertFalse(result.removable().contains(MODEL + "DynamoDbRequest"));
    // every error code the client maps stays constructible (FailureException is a shape, not a Throwable); the
    // rule engine's own exceptions go with it
    for (String name : result.removable()) {
      if (name.contains("/endpoints/internal/")) {
        continue;
      }
      Class<?> type = Class.forName(name.replace('/', '.'), false, UnusedSdkClassesTest.class.getClassLoader());
      assertFalse(Throwable.class.isAssignableFrom(type), name);
    }
  }

  @Test
  void onlyGeneratedServiceClassesAreRemoved() {
    assertTrue(result.removable().size() > 500, "the bulk of the DynamoDB model: " + result.removable().size());
    for (String name : result.removable()) {
      assertTrue(UnusedSdkClasses.PRUNABLE.matcher(name).matches(), name);
    }
  }

  @Test
  void theEndpointRuleEngineNoProviderUsesIsRemovedAndTheCompiledProviderStays() {
    String endpoints = "software/amazon/awssdk/services/dynamodb/endpoints/internal/";
    for (String gone : List.of("RuleEngine", "DefaultRuleEngine", "EndpointRuleset", "Expr", "Template", "Literal")) {
      assertTrue(result.removable().contains(endpoints + gone), gone);
    }
    for (String kept : List.of("DefaultDynamoDbEndpointProvider", "RulesFunctions", "RuleUrl",
        "DynamoDbResolveEndpointInterceptor")) {
      assertFalse(result.removable().contains(endpoints + kept), kept);
    }
  }

  @Test
  void classReferencesReadDescriptorsAndDottedNames() throws IOException {
    String app = App.class.getName().replace('.', '/');
    try (InputStream in = App.class.getResourceAsStream("/" + app + ".class")) {
      Set<String> names = ClassReferences.of(in.readAllBytes());
      assertTrue(names.contains(MODEL + "GetItemResponse"), "from the getItem(Consumer) descriptor: " + names);
      assertTrue(names.contains(MODEL + "GetItemRequest$Builder"), "from the lambda's descriptor: " + names);
      assertTrue(names.contains("software/amazon/awssdk/services/dynamodb/paginators/QueryIterable"), names::toString);
    }
  }

  private static void readJar(Path jar, Map<String, Set<String>> references, Map<String, Set<String>> supertypes)
      throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          try (InputStream in = zip.getInputStream(entry)) {
            ClassReferences.Parsed parsed = ClassReferences.read(in.readAllBytes());
            references.put(entry.getName().replace(".class", ""), parsed.names());
            supertypes.put(entry.getName().replace(".class", ""), parsed.supertypes());
          }
        }
      }
    }
  }
}
