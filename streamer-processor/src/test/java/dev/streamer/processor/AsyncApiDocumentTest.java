package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.streamer.processor.diag.Message;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated AsyncAPI document: valid AsyncAPI 3.0, self-consistent, and describing what the codecs accept. */
class AsyncApiDocumentTest {

  private static final String PATH = "META-INF/streamer/shop-asyncapi.json";
  private static OfficialAsyncApiSchema official;
  private static JsonNode shop;

  @BeforeAll
  static void compileShop() throws Exception {
    official = OfficialAsyncApiSchema.load();
    Compilation compilation = Compilations.compile(Compilations.inputs("shop"), "-Astreamer.app=Shop");
    assertThat(compilation).succeededWithoutWarnings();
    shop = OfficialAsyncApiSchema.JSON.readTree(Compilations.generatedResources(compilation).get(PATH));
  }

  @Test
  void validatesAgainstTheOfficialAsyncApi3Schema() {
    Set<ValidationMessage> problems = official.validate(shop);
    assertTrue(problems.isEmpty(), () -> "not valid AsyncAPI 3.0.0: " + problems);
  }

  @Test
  void theOfficialSchemaRejectsBrokenDocuments() {
    ObjectNode noInfo = shop.deepCopy();
    noInfo.remove("info");
    assertFalse(official.validate(noInfo).isEmpty(), "a document without info must be rejected");

    ObjectNode badAction = shop.deepCopy();
    ((ObjectNode) badAction.at("/operations/receive_ping")).put("action", "publish");
    assertFalse(official.validate(badAction).isEmpty(), "operation action publish (AsyncAPI 2) must be rejected");

    ObjectNode noHost = shop.deepCopy();
    ((ObjectNode) noHost.at("/servers/aws")).remove("host");
    assertFalse(official.validate(noHost).isEmpty(), "a server needs a host");

    ObjectNode badPayloadSchema = shop.deepCopy();
    ((ObjectNode) badPayloadSchema.at("/components/schemas/Priority")).put("enum", "LOW");
    assertFalse(official.validate(badPayloadSchema).isEmpty(), "enum must be an array (JSON Schema draft 7)");

    ObjectNode badProtocolVersion = shop.deepCopy();
    badProtocolVersion.put("asyncapi", "2.6.0");
    assertFalse(official.validate(badProtocolVersion).isEmpty());
  }

  @Test
  void everyLocalReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(shop, refs);
    assertTrue(refs.size() > 50, "expected many references, got " + refs.size());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(shop.at(ref.substring(1)).isMissingNode(), "unresolved $ref " + ref);
    }
  }

  @Test
  void namesMessagesAfterActionsAndDocumentsAsyncOnes() {
    JsonNode messages = shop.at("/components/messages");
    List<String> names = new ArrayList<>();
    messages.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("count_orders", "count_ordersResult", "export_sales", "export_salesAck",
        "export_salesProgress", "export_salesResult", "generate_report", "generate_reportAck",
        "generate_reportProgress", "generate_reportResult", "list_priorities", "list_prioritiesResult", "ping",
        "pingResult", "place_order", "place_orderAck", "place_orderProgress", "place_orderResult", "ship", "shipResult",
        "status", "statusResult", "subscribe", "subscribeResult", "cancel", "cancelResult", "order_shippedEvent",
        "error"), names);
    JsonNode event = messages.get("order_shippedEvent").get("payload");
    assertEquals("event", event.at("/properties/type/const").asText());
    assertEquals("order_shipped", event.at("/properties/event/const").asText());
    assertEquals("#/components/schemas/OrderShipped", event.at("/properties/data/$ref").asText());
    assertTrue(messages.get("order_shippedEvent").get("correlationId") == null, "events answer no request");
    assertEquals("send", shop.at("/operations/send_event_order_shipped/action").asText());
    assertEquals(names, fieldNames(shop.at("/channels/socket/messages")));

    // async: the reply is the ack; progress and the result are sent later
    assertEquals(List.of("#/channels/socket/messages/generate_reportAck", "#/channels/socket/messages/error"),
        refsOf(shop.at("/operations/receive_generate_report/reply/messages")));
    assertEquals("send", shop.at("/operations/send_generate_report_progress/action").asText());
    assertEquals("send", shop.at("/operations/send_generate_report_result/action").asText());
    // sync: the reply is the result
    assertEquals(List.of("#/channels/socket/messages/count_ordersResult", "#/channels/socket/messages/error"),
        refsOf(shop.at("/operations/receive_count_orders/reply/messages")));
    assertTrue(shop.at("/operations/send_count_orders_result").isMissingNode());

    JsonNode progress = shop.at("/components/messages/generate_reportProgress/payload/properties/progress");
    assertEquals("number", progress.get("type").asText());
    assertEquals(0, progress.get("minimum").asInt());
    assertEquals(1, progress.get("maximum").asInt());
    assertEquals("Builds a sales report", shop.at("/components/messages/generate_report/summary").asText());
  }

  @Test
  void errorMessageListsTheErrorCodes() {
    List<String> codes = new ArrayList<>();
    shop.at("/components/schemas/streamer.ErrorCode/enum").forEach(c -> codes.add(c.asText()));
    List<String> runtime = java.util.Arrays.stream(dev.streamer.core.protocol.ErrorCode.values())
        .map(Enum::name).toList();
    assertEquals(runtime, codes);
  }

  @Test
  void typesAndConstraintsBecomeJsonSchema() {
    JsonNode request = shop.at("/components/schemas/OrderRequest");
    assertEquals(List.of("customer", "items"), texts(request.get("required")));
    JsonNode customer = request.at("/properties/customer");
    assertEquals("string", customer.get("type").asText()); // required: not nullable
    assertEquals(1, customer.get("minLength").asInt());
    assertEquals(80, customer.get("maxLength").asInt());
    assertEquals("\\S", customer.get("pattern").asText());
    assertEquals("email", request.at("/properties/email/format").asText());
    assertEquals(List.of("string", "null"), texts(request.at("/properties/email/type")));
    assertEquals("^(?:[A-Z]{2})$", request.at("/properties/country/pattern").asText());
    assertEquals(1, request.at("/properties/items/minItems").asInt());
    assertEquals(50, request.at("/properties/items/maxItems").asInt());
    assertEquals("#/components/schemas/OrderItem", request.at("/properties/items/items/$ref").asText());
    assertEquals("date", request.at("/properties/deliverBy/format").asText());
    assertEquals("int32", request.at("/properties/tags/additionalProperties/format").asText());
    assertEquals("#/components/schemas/Priority", request.at("/properties/priority/oneOf/0/$ref").asText());

    JsonNode item = shop.at("/components/schemas/OrderItem");
    assertEquals(List.of("sku", "quantity"), texts(item.get("required"))); // quantity is an int
    assertEquals(1, item.at("/properties/quantity/minimum").asInt());
    assertEquals(1000, item.at("/properties/quantity/maximum").asInt());
    assertEquals(0, item.at("/properties/price/exclusiveMinimum").asInt());
    assertEquals(List.of("number", "null"), texts(item.at("/properties/price/type"))); // BigDecimal: a JSON number
    assertTrue(item.at("/properties/labels/uniqueItems").asBoolean()); // a Set

    JsonNode receipt = shop.at("/components/schemas/OrderReceipt");
    assertEquals("uuid", receipt.at("/properties/id/format").asText());
    assertEquals("date-time", receipt.at("/properties/createdAt/format").asText());
    assertEquals("int64", receipt.at("/properties/checksums/items/format").asText());
    // recursion through $ref
    assertEquals("#/components/schemas/OrderReceipt_Category",
        shop.at("/components/schemas/OrderReceipt_Category/properties/children/items/$ref").asText());
    assertEquals(List.of("LOW", "NORMAL", "HIGH"), texts(shop.at("/components/schemas/Priority/enum")));
  }

  @Test
  void payloadSchemasAcceptWhatTheCodecsAcceptAndRejectConstraintViolations() throws Exception {
    JsonSchema placeOrder = official.payloadSchema(shop, "place_order");
    String valid = """
        {"id":"c-1","action":"place_order","payload":{"customer":"Ann","email":"ann@example.com",
         "items":[{"sku":"A-1","quantity":2,"price":9.5,"labels":["x"]}],"priority":"HIGH","note":null,
         "tags":{"a":1},"country":"DE","deliverBy":"2030-01-01","shipTo":{"street":"Main St 1","lines":["x"]}}}""";
    assertValid(placeOrder, valid);
    assertValid(placeOrder, """
        {"action":"place_order","payload":{"customer":"Ann","items":[{"sku":"A","quantity":1}]}}""");

    Map<String, String> invalid = Map.of(
        "blank customer", "{\"customer\":\"  \",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}",
        "missing items", "{\"customer\":\"Ann\"}",
        "empty items", "{\"customer\":\"Ann\",\"items\":[]}",
        "quantity 0", "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A\",\"quantity\":0}]}",
        "price 0", "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"price\":0}]}",
        "lowercase country", "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A\",\"quantity\":1}],\"country\":\"de\"}",
        "unknown priority", "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A\",\"quantity\":1}],\"priority\":\"URGENT\"}",
        "quantity as text", "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A\",\"quantity\":\"1\"}]}");
    for (Map.Entry<String, String> e : invalid.entrySet()) {
      String frame = "{\"action\":\"place_order\",\"payload\":" + e.getValue() + "}";
      assertFalse(placeOrder.validate(OfficialAsyncApiSchema.JSON.readTree(frame)).isEmpty(),
          e.getKey() + " must be rejected: " + frame);
    }
    assertFalse(placeOrder.validate(OfficialAsyncApiSchema.JSON.readTree("{\"action\":\"ping\",\"payload\":"
        + "{\"customer\":\"Ann\",\"items\":[{\"sku\":\"A\",\"quantity\":1}]}}")).isEmpty(), "wrong action name");

    JsonSchema error = official.payloadSchema(shop, "error");
    assertValid(error, """
        {"type":"error","id":"c-1","requestId":"r-1","success":false,"error":{"code":"VALIDATION_ERROR",
         "message":"invalid payload","details":{"violations":[{"path":"items[0].quantity","constraint":"Min",
         "message":"must be at least 1"}]},"retry":{"retryable":false}}}""");
    assertFalse(error.validate(OfficialAsyncApiSchema.JSON.readTree("""
        {"type":"error","id":null,"requestId":null,"success":false,"error":{"code":"OOPS","message":"x",
         "details":{},"retry":{"retryable":false}}}""")).isEmpty(), "unknown error code");
  }

  @Test
  void versionAndHostComeFromProcessorOptions() throws Exception {
    Compilation compilation = Compilations.compile(Compilations.inputs("shop"), "-Astreamer.app=Shop",
        "-Astreamer.version=2.3.4", "-Astreamer.asyncapi.host=abc123.execute-api.eu-west-1.amazonaws.com");
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode document = OfficialAsyncApiSchema.JSON.readTree(Compilations.generatedResources(compilation).get(PATH));
    assertEquals("2.3.4", document.at("/info/version").asText());
    assertEquals("Shop", document.at("/info/title").asText());
    assertEquals("abc123.execute-api.eu-west-1.amazonaws.com", document.at("/servers/aws/host").asText());
    assertEquals("wss", document.at("/servers/aws/protocol").asText());
    assertTrue(official.validate(document).isEmpty());
    assertEquals("0.1.0", shop.at("/info/version").asText());
    assertEquals("example.execute-api.us-east-1.amazonaws.com", shop.at("/servers/aws/host").asText());
  }

  @Test
  void invalidDocumentOptionsAreReported() {
    Compilation compilation = Compilations.compile(Compilations.inputs("shop"), "-Astreamer.app=Shop",
        "-Astreamer.asyncapi.host=https://example.com/prod", "-Astreamer.version=1 2");
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(Message.INVALID_OPTION.tag());
    assertThat(compilation).hadErrorContaining("streamer.asyncapi.host");
    assertThat(compilation).hadErrorContaining("streamer.version");
  }

  @Test
  void anActionNamedErrorKeepsTheSharedErrorMessageApart() throws Exception {
    Compilation compilation = Compilations.compile(List.of(Compilations.source("t.Api", """
        package t;
        import dev.streamer.annotations.Action;
        public class Api {
          @Action public String error() { return "x"; }
        }
        """)), "-Astreamer.app=T");
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode document = OfficialAsyncApiSchema.JSON.readTree(
        Compilations.generatedResources(compilation).get("META-INF/streamer/t-asyncapi.json"));
    assertNotNull(document.at("/components/messages/error/payload/properties/action").get("const"));
    assertEquals("error", document.at("/components/messages/error/payload/properties/action/const").asText());
    assertEquals("error", document.at("/components/messages/streamerError/payload/properties/type/const").asText());
    assertEquals("string", document.at("/components/messages/errorResult/payload/properties/data/type").asText());
    assertTrue(official.validate(document).isEmpty());
  }

  private static void assertValid(JsonSchema schema, String json) throws Exception {
    Set<ValidationMessage> problems = schema.validate(OfficialAsyncApiSchema.JSON.readTree(json));
    assertTrue(problems.isEmpty(), () -> problems.stream().map(Object::toString).collect(Collectors.joining("\n")));
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("$ref")) {
          refs.add(e.getValue().asText());
        } else {
          collectRefs(e.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }

  private static List<String> refsOf(JsonNode array) {
    List<String> refs = new ArrayList<>();
    array.forEach(r -> refs.add(r.get("$ref").asText()));
    return refs;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
