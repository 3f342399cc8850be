package dev.streamer.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.streamer.processor.OfficialAsyncApiSchema;
import dev.streamer.core.RequestContext;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Phase;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteExecutor;
import dev.streamer.core.routing.Router;
import dev.streamer.core.routing.RouterConfig;
import dev.streamer.core.testing.InMemoryRequestQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample's generated AsyncAPI document ({@code target/classes/META-INF/streamer/sample-asyncapi.json}): valid
 * AsyncAPI 3.0, equal to its golden copy, and describing the messages the runtime really sends for the sample.
 * Regenerate the golden copy after an intended change with {@code -Dstreamer.updateGolden=true} and review the diff.
 */
class SampleAsyncApiTest {

  static {
    System.setProperty("sample.report.stepMillis", "0"); // read when the handler factory builds Reports
  }

  private static final Path DOCUMENT = Path.of("target/classes/META-INF/streamer/sample-asyncapi.json");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/sample-asyncapi.json");
  private static final Caller ALICE = new Caller("conn-1", "alice", "acme", Map.of(), null);

  private static OfficialAsyncApiSchema official;
  private static JsonNode document;

  private final InMemoryRequestQueue queue = new InMemoryRequestQueue();
  private final SampleRouteTable table = SampleRouteTable.create();
  private final Router router = new Router(table, queue, RouterConfig.builder().build());

  @BeforeAll
  static void load() throws Exception {
    official = OfficialAsyncApiSchema.load();
    assertTrue(Files.isRegularFile(DOCUMENT), DOCUMENT + " was not generated");
    document = OfficialAsyncApiSchema.JSON.readTree(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
  }

  @Test
  void validatesAgainstTheOfficialAsyncApi3Schema() {
    Set<ValidationMessage> problems = official.validate(document);
    assertTrue(problems.isEmpty(), () -> "not valid AsyncAPI 3.0.0: " + problems);
    assertEquals("Sample", document.at("/info/title").asText());
  }

  @Test
  void equalsTheGoldenCopy() throws Exception {
    String generated = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("streamer.updateGolden")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, generated, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), generated,
        "sample-asyncapi.json differs from " + GOLDEN + " (-Dstreamer.updateGolden=true regenerates it)");
  }

  @Test
  void describesTheRepliesTheRouterSends() throws Exception {
    assertConforms("echoResult", router.route("{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"message\":\"hi\"}}",
        ALICE));
    assertConforms("error", router.route("{\"id\":\"c-2\",\"action\":\"echo\",\"payload\":{\"message\":\" \"}}",
        ALICE));
    assertConforms("error", router.route("{not json", ALICE));
    assertConforms("error", router.route("{\"id\":\"c-3\",\"action\":\"nope\"}", ALICE));
    assertConforms("generate_reportAck", router.route("{\"id\":\"c-4\",\"action\":\"generate_report\",\"payload\":"
        + "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":3,\"format\":\"PDF\"}}", ALICE));
    assertConforms("process_dataResult", router.route("{\"id\":\"c-5\",\"action\":\"process_data\",\"payload\":{"
        + "\"datasetId\":\"ds-1\",\"batchId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",\"deliverBy\":\"2030-01-01\","
        + "\"items\":[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":1.50}]}}", ALICE));
  }

  @Test
  void describesTheProgressAndResultOfAQueuedReport() throws Exception {
    JsonNode ack = OfficialAsyncApiSchema.JSON.readTree(router.route("{\"id\":\"c-6\",\"action\":\"generate_report\","
        + "\"payload\":{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":3}}", ALICE));
    AsyncRequest request = queue.find(ack.get("requestId").asText());
    @SuppressWarnings("unchecked")
    Route<Object, Object> route = (Route<Object, Object>) table.find(request.action());
    Object payload = RouteExecutor.decodeAndValidate(route, request.payload());
    RequestContext context = RequestContext.builder(request.requestId(), request.action()).build();
    Object result = router.executor().execute(route, payload, context, (fraction, message) ->
        assertConforms("generate_reportProgress", Messages.progress("c-6", request.requestId(), fraction, message)),
        Phase.ASYNC);
    assertConforms("generate_reportResult",
        Messages.result("c-6", request.requestId(), generator -> route.writeResult(result, generator)));
  }

  @Test
  void describesTheEventsTheNotifierSends() throws Exception {
    java.util.List<String> sent = new java.util.ArrayList<>();
    dev.streamer.core.event.EventSink sink = new dev.streamer.core.event.EventSink() {
      @Override
      public dev.streamer.core.Delivery toUser(String tenantId, String userId, String event, String message) {
        sent.add(message);
        return new dev.streamer.core.Delivery(1, 0, 0);
      }

      @Override
      public dev.streamer.core.Delivery toTenant(String tenantId, String event, String message) {
        assertEquals("acme", tenantId, "the caller's tenant");
        sent.add(message);
        return new dev.streamer.core.Delivery(2, 1, 0);
      }

      @Override
      public dev.streamer.core.Delivery toConnection(String tenantId, String connectionId, String event,
          String message) {
        throw new AssertionError("not used by the sample");
      }
    };
    Router notifying = new Router(table, queue, RouterConfig.builder()
        .notifiers(caller -> dev.streamer.core.event.ScopedNotifier.forCaller(table.events(), sink,
            caller.tenantId(), caller.userId(), caller.connectionId()))
        .build());
    String reply = notifying.route("{\"id\":\"c-7\",\"action\":\"announce\",\"payload\":{\"text\":\"hi\"}}",
        ALICE);
    assertConforms("announceResult", reply);
    assertEquals(2, OfficialAsyncApiSchema.JSON.readTree(reply).at("/data/delivered").asInt());
    assertEquals(java.util.List.of("{\"type\":\"event\",\"event\":\"announcement\",\"data\":{\"text\":\"hi\","
        + "\"from\":\"alice\"}}"), sent);
    assertConforms("announcementEvent", sent.get(0));
  }

  @Test
  void documentsRequestsThatTheRouterAccepts() throws Exception {
    assertConforms("echo", "{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"message\":\"hi\"}}");
    assertConforms("generate_report", "{\"action\":\"generate_report\",\"payload\":{\"startDate\":\"2024-01-01\","
        + "\"endDate\":\"2024-01-31\",\"recordCount\":1}}");
    JsonSchema echo = official.payloadSchema(document, "echo");
    assertTrue(!echo.validate(OfficialAsyncApiSchema.JSON.readTree(
        "{\"action\":\"echo\",\"payload\":{\"message\":\"\"}}")).isEmpty(), "a blank message breaks @NotBlank");
    JsonSchema report = official.payloadSchema(document, "generate_report");
    assertTrue(!report.validate(OfficialAsyncApiSchema.JSON.readTree("{\"action\":\"generate_report\",\"payload\":"
        + "{\"startDate\":\"2024/01/01\",\"endDate\":\"2024-01-31\",\"recordCount\":1}}")).isEmpty(),
        "a date that breaks @Pattern");
  }

  @Test
  void theJavaScriptClientIsCopiedOutOfTheClassOutput() throws Exception {
    for (String name : new String[] {"sample-client.js", "sample-client.d.ts"}) {
      Path copied = Path.of("target/streamer-js", name);
      assertTrue(Files.isRegularFile(copied), copied + " missing: the maven-resources-plugin execution copies it");
      assertEquals(Files.readString(Path.of("target/classes/META-INF/streamer/js", name)), Files.readString(copied));
    }
  }

  private static void assertConforms(String message, String json) {
    JsonSchema schema = official.payloadSchema(document, message);
    Set<ValidationMessage> problems;
    try {
      problems = schema.validate(OfficialAsyncApiSchema.JSON.readTree(json));
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
    assertTrue(problems.isEmpty(), () -> json + " does not conform to message " + message + ": " + problems);
  }
}
