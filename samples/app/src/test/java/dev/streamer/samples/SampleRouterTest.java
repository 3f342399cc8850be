package dev.streamer.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.routing.AsyncRequest;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.Phase;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.Router;
import dev.streamer.core.routing.RouterConfig;
import dev.streamer.core.testing.InMemoryRequestQueue;
import dev.streamer.test.routes.RouteCall;
import dev.streamer.test.routes.TestRoutes;
import dev.streamer.test.unit.RecordingProgress;
import dev.streamer.test.unit.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Drives the sample's generated code (route table, decoders, validators, routes) through the Router. */
class SampleRouterTest {

  static {
    System.setProperty("sample.report.stepMillis", "0"); // read when the handler factory builds Reports
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Caller ALICE = new Caller("conn-1", "alice", "acme", Map.of(), null);

  private final InMemoryRequestQueue queue = new InMemoryRequestQueue();
  private final List<Phase> phases = new CopyOnWriteArrayList<>();
  private final Interceptor recordPhases = invocation -> {
    phases.add(invocation.phase());
    return invocation.proceed();
  };
  private final SampleRouteTable table = SampleRouteTable.create();
  private final Router router = new Router(table, queue,
      RouterConfig.builder().interceptors(List.of(recordPhases)).build());

  private JsonNode route(String body) throws Exception {
    return JSON.readTree(router.route(body, ALICE));
  }

  @Test
  void generatedTableListsEveryActionWithItsCompiledDecision() {
    assertEquals("Sample", table.appName());
    List<String> names = new ArrayList<>();
    table.routes().forEach(r -> names.add(r.action()));
    assertEquals(List.of("announce", "direct_message", "echo", "export_records", "generate_report", "process_data"),
        names);
    assertFalse(table.find("announce").async());
    assertTrue(table.find("direct_message").async());
    assertFalse(table.find("echo").async());
    assertTrue(table.find("generate_report").async());
    assertTrue(table.find("export_records").async() && table.find("export_records").isolated(), "runs in a worker");
    assertFalse(table.find("generate_report").isolated());
    assertEquals(120_000, table.find("generate_report").estimatedMillis());
    assertFalse(table.find("process_data").async());
  }

  @Test
  void echoRunsSynchronouslyWithTheCallersIdentity() throws Exception {
    JsonNode reply = route("{\"id\":\"c-1\",\"action\":\"echo\",\"payload\":{\"message\":\"héllo 👋\"}}");
    assertEquals("result", reply.get("type").asText());
    assertEquals("c-1", reply.get("id").asText());
    assertTrue(reply.get("success").asBoolean());
    assertEquals("héllo 👋", reply.at("/data/message").asText());
    assertEquals("alice", reply.at("/data/userId").asText());
    assertEquals("acme", reply.at("/data/tenantId").asText());
    assertEquals(List.of(Phase.SYNC), phases);
    assertEquals(0, queue.size());
  }

  @Test
  void generateReportIsQueuedAndAcknowledged() throws Exception {
    String payload = "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-12-31\",\"recordCount\":5000,\"format\":\"PDF\"}";
    JsonNode reply = route("{\"id\":\"c-2\",\"action\":\"generate_report\",\"payload\":" + payload + "}");
    assertEquals("ack", reply.get("type").asText());
    assertEquals("queued", reply.get("status").asText());
    AsyncRequest queued = queue.find(reply.get("requestId").asText());
    assertEquals("generate_report", queued.action());
    assertEquals(JSON.readTree(payload), JSON.readTree(queued.payload()));
    assertEquals("alice", queued.userId());
    assertEquals("acme", queued.tenantId());
    assertEquals("conn-1", queued.connectionId());
    assertEquals(List.of(Phase.ENQUEUE), phases);
  }

  @Test
  void queuedReportRunsWithMonotonicProgressAndAResult() throws Exception {
    JsonNode ack = route("{\"id\":\"c-3\",\"action\":\"generate_report\",\"payload\":"
        + "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":10}}");
    AsyncRequest request = queue.find(ack.get("requestId").asText());

    // run the queued request as the stream processor would: same routes, same interceptors, phase ASYNC
    RouteCall run = TestRoutes.of(table, List.of(recordPhases)).call(request.action(), request.payload(),
        TestContext.builder().requestId(request.requestId()).action(request.action()).build(),
        new RecordingProgress());
    ReportResult result = run.value(ReportResult.class);

    List<Double> fractions = run.progress().fractions();
    assertEquals(10, fractions.size());
    for (int i = 1; i < fractions.size(); i++) {
      assertTrue(fractions.get(i) > fractions.get(i - 1), "progress went backwards: " + fractions);
    }
    assertEquals(1.0, fractions.get(fractions.size() - 1));
    assertEquals(List.of(Phase.ENQUEUE, Phase.ASYNC), phases);
    assertEquals(request.requestId(), result.reportId());
    assertEquals(ReportFormat.CSV, result.format());
    assertTrue(result.url().startsWith("s3://"), result.url());
  }

  @Test
  void processDataTotalsSmallBatchesSynchronously() throws Exception {
    JsonNode reply = route("{\"id\":\"c-4\",\"action\":\"process_data\",\"payload\":{"
        + "\"datasetId\":\"ds-1\",\"batchId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",\"priority\":\"HIGH\","
        + "\"deliverBy\":\"2030-01-01\",\"tags\":{\"source\":\"test\"},\"items\":["
        + "{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":1.50,\"labels\":[\"x\"]},"
        + "{\"sku\":\"B\",\"quantity\":3,\"unitPrice\":2},"
        + "{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":0.25}]}}");
    assertEquals("result", reply.get("type").asText(), reply.toString());
    assertEquals(3, reply.at("/data/itemCount").asInt());
    assertEquals(6, reply.at("/data/totalQuantity").asInt());
    assertEquals(0, reply.at("/data/totalValue").decimalValue().compareTo(new java.math.BigDecimal("9.25")));
    assertEquals(3, reply.at("/data/quantityBySku/A").asInt());
  }

  /** Quantities are summed in long: the largest int quantities must not wrap around. */
  @Test
  void processDataTotalsDoNotOverflow() throws Exception {
    JsonNode reply = route("{\"id\":\"c-7\",\"action\":\"process_data\",\"payload\":{\"datasetId\":\"max\","
        + "\"batchId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",\"items\":["
        + "{\"sku\":\"A\",\"quantity\":2147483647,\"unitPrice\":1},"
        + "{\"sku\":\"A\",\"quantity\":2147483647,\"unitPrice\":1}]}}");
    assertEquals("result", reply.get("type").asText(), reply.toString());
    assertEquals(4_294_967_294L, reply.at("/data/totalQuantity").asLong());
    assertEquals(4_294_967_294L, reply.at("/data/quantityBySku/A").asLong());
    assertEquals(0, reply.at("/data/totalValue").decimalValue().compareTo(new java.math.BigDecimal("4294967294")));
  }

  @Test
  void processDataQueuesLargeBatchesThroughQueueWhen() throws Exception {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 501; i++) {
      items.append(i == 0 ? "" : ",").append("{\"sku\":\"S").append(i).append("\",\"quantity\":1,\"unitPrice\":1}");
    }
    JsonNode reply = route("{\"id\":\"c-5\",\"action\":\"process_data\",\"payload\":{\"datasetId\":\"big\","
        + "\"batchId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",\"items\":[" + items + "]}}");
    assertEquals("ack", reply.get("type").asText(), reply.toString());
    assertEquals(1, queue.size());
  }

  @Test
  void everyViolationIsReportedWithItsPath() throws Exception {
    JsonNode reply = route("{\"id\":\"c-6\",\"action\":\"process_data\",\"payload\":{\"datasetId\":\" \","
        + "\"notifyEmail\":\"not-an-email\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1},"
        + "{\"sku\":\"\",\"quantity\":0,\"unitPrice\":-1}]}}");
    assertEquals("error", reply.get("type").asText());
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    List<String> found = new ArrayList<>();
    for (JsonNode v : reply.at("/error/details/violations")) {
      found.add(v.get("path").asText() + ":" + v.get("constraint").asText());
    }
    assertTrue(found.containsAll(List.of("datasetId:NotBlank", "batchId:NotNull", "notifyEmail:Email",
        "items[1].sku:NotBlank", "items[1].quantity:Min", "items[1].unitPrice:Positive")), found.toString());
    assertEquals(6, found.size(), found.toString());
    assertEquals(0, queue.size());
  }

  @Test
  void decodeFaultsCarryTheJsonPath() throws Exception {
    JsonNode reply = route("{\"action\":\"process_data\",\"payload\":{\"datasetId\":\"d\","
        + "\"items\":[{\"sku\":\"A\",\"quantity\":1},{\"sku\":\"B\",\"quantity\":\"many\"}]}}");
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    assertEquals("items[1].quantity", reply.at("/error/details/path").asText());

    reply = route("{\"action\":\"generate_report\",\"payload\":{\"startDate\":\"2024-01-01\","
        + "\"endDate\":\"2024-01-02\",\"recordCount\":1,\"format\":\"DOCX\"}}");
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    assertEquals("format", reply.at("/error/details/path").asText());

    reply = route("{\"action\":\"generate_report\",\"payload\":{\"startDate\":\"2024-01-01\","
        + "\"endDate\":\"2024-01-02\",\"recordCount\":99999999999}}");
    assertEquals("recordCount", reply.at("/error/details/path").asText());
  }

  /** Inputs that passed validation yet made the action throw (an INTERNAL_ERROR for the client's mistake). */
  @Test
  void nullItemsMissingPricesAndHugeExponentsAreTheClientsError() throws Exception {
    String head = "{\"action\":\"process_data\",\"payload\":{\"datasetId\":\"d\","
        + "\"batchId\":\"3f1c9a4e-8d2b-4c6f-9a57-2e0b7d41c9aa\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1},";
    JsonNode reply = route(head + "null]}}"); // List<@NotNull @Valid LineItem>: never reaches the action
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    assertEquals("items[1]", reply.at("/error/details/violations/0/path").asText());
    assertEquals("NotNull", reply.at("/error/details/violations/0/constraint").asText());

    reply = route(head + "{\"sku\":\"B\",\"quantity\":1}]}}");
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    assertEquals("items[1].unitPrice", reply.at("/error/details/violations/0/path").asText());
    assertEquals("NotNull", reply.at("/error/details/violations/0/constraint").asText());

    reply = route(head + "{\"sku\":\"B\",\"quantity\":1,\"unitPrice\":1e999999999}]}}"); // + 1 never ends
    assertEquals("VALIDATION_ERROR", reply.at("/error/code").asText());
    assertEquals("items[1].unitPrice", reply.at("/error/details/path").asText());
  }

  @Test
  void unknownActionAndMalformedFramesGetTypedErrors() throws Exception {
    assertEquals("INVALID_ACTION", route("{\"action\":\"nope\"}").at("/error/code").asText());
    assertEquals("VALIDATION_ERROR", route("{\"action\":\"echo\",").at("/error/code").asText());
    assertEquals("VALIDATION_ERROR", route("{\"action\":\"echo\"}").at("/error/code").asText());
  }

  @Test
  void everyGeneratedRoutePrimesOnItsExample() throws Exception {
    // SnapStart priming: the processor's example payload and result go through each route's own codecs
    List<String> primed = new ArrayList<>();
    for (Route<?, ?> route : table.routes()) {
      ((dev.streamer.core.routing.ActionRoute<?, ?>) route).prime();
      primed.add(route.action());
    }
    assertEquals(List.of("announce", "direct_message", "echo", "export_records", "generate_report", "process_data"),
        primed);
  }
}
