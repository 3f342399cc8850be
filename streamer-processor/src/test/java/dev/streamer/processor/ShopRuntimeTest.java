package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.testing.compile.Compilation;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.json.JsonWriter;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles the representative input {@code inputs/shop}, loads the generated classes and drives them through the
 * runtime contracts: decoding (and its errors with JSON paths), validation, invocation and result encoding.
 */
class ShopRuntimeTest {

  private static ClassLoader loader;
  private static RouteTable table;

  @BeforeAll
  static void compile() throws Exception {
    Compilation compilation = Compilations.compile(Compilations.inputs("shop"), "-Astreamer.app=Shop");
    assertThat(compilation).succeededWithoutWarnings();
    loader = Compilations.classLoader(compilation);
    table = (RouteTable) loader.loadClass("com.example.shop.ShopRouteTable").getMethod("create").invoke(null);
  }

  @SuppressWarnings("unchecked")
  private static Route<Object, Object> route(String action) {
    Route<?, ?> route = table.find(action);
    assertNotNull(route, action);
    return (Route<Object, Object>) route;
  }

  private static Object decode(String action, String json) throws IOException {
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      return route(action).decode(parser);
    }
  }

  private static JsonDecodeException decodeError(String action, String json) {
    return assertThrows(JsonDecodeException.class, () -> decode(action, json));
  }

  private static List<Violation> violations(String action, String json) throws IOException {
    Violations out = new Violations();
    route(action).validate(decode(action, json), out);
    return out.list();
  }

  private static String result(String action, Object result) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(text)) {
      route(action).writeResult(result, generator);
    }
    return text.toString();
  }

  private static final String ITEM = "{\"sku\":\"A-1\",\"quantity\":2,\"price\":9.50,\"labels\":[\"gift\"]}";

  private static String order(String items) {
    return "{\"customer\":\"Ada\",\"email\":\"ada@example.com\",\"items\":[" + items + "],\"priority\":\"HIGH\","
        + "\"note\":\"ring twice\",\"tags\":{\"vip\":1},\"country\":\"GB\",\"deliverBy\":\"2999-01-01\","
        + "\"shipTo\":{\"street\":\"1 Main St\",\"city\":\"London\",\"lines\":[\"Flat 2\"]}}";
  }

  @Test
  void tableListsEveryRouteSortedByName() {
    assertEquals("Shop", table.appName());
    assertEquals(List.of("count_orders", "export_sales", "generate_report", "list_priorities", "ping", "place_order",
        "ship"),
        table.routes().stream().map(Route::action).toList());
    assertNull(table.find("nope"));
    assertNull(table.find(null));
  }

  @Test
  void asyncFlagComesFromEstimatedAndThreshold() {
    assertTrue(route("generate_report").async());
    assertEquals(120_000, route("generate_report").estimatedMillis());
    assertEquals("Builds a sales report", route("generate_report").description());
    assertFalse(route("count_orders").async());
    assertEquals(250, route("count_orders").estimatedMillis());
    assertEquals(-1, route("place_order").estimatedMillis());
    assertTrue(route("export_sales").isolated(), "@Action(isolated = true)");
    assertFalse(route("generate_report").isolated());
  }

  @Test
  void validPayloadDecodesValidatesAndRuns() throws Exception {
    Object payload = decode("place_order", order(ITEM + "," + ITEM));
    Violations out = new Violations();
    route("place_order").validate(payload, out);
    assertEquals(List.of(), out.list());
    assertEquals(Boolean.FALSE, route("place_order").queueWhen(payload));
    RequestContext context = RequestContext.builder("r-1", "place_order").build();
    Object receipt = route("place_order").invoke(payload, context, Progress.none());
    String json = result("place_order", receipt);
    assertTrue(json.contains("\"items\":[{\"sku\":\"A-1\",\"quantity\":2,\"price\":9.50,\"labels\":[\"gift\"]}"), json);
    assertTrue(json.contains("\"checksums\":[]"), json);
  }

  @Test
  void queueWhenDecidesPerRequest() throws Exception {
    String eleven = String.join(",", java.util.Collections.nCopies(11, ITEM));
    assertEquals(Boolean.TRUE, route("place_order").queueWhen(decode("place_order", order(eleven))));
    assertNull(route("generate_report").queueWhen(decode("generate_report", "{\"from\":\"2024-01-01\"}")));
  }

  @Test
  void recordRoundTripsThroughItsCodec() throws Exception {
    String json = order(ITEM);
    String written = encodeOrder(decode("place_order", json));
    assertEquals(json, written); // same field order and values as the input
    assertEquals(written, encodeOrder(decode("place_order", written)));
  }

  private static String encodeOrder(Object payload) throws Exception {
    Class<?> codec = loader.loadClass("com.example.shop.OrderRequestJson");
    @SuppressWarnings("unchecked")
    JsonWriter<Object> writer = (JsonWriter<Object>) codec.getField("WRITER").get(null);
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(text)) {
      writer.write(generator, payload);
    }
    return text.toString();
  }

  @Test
  void unknownFieldsAreIgnored() throws Exception {
    Object payload = decode("place_order",
        "{\"extra\":{\"deep\":[1,{\"x\":null}]},\"customer\":\"Ada\",\"more\":[],\"items\":[" + ITEM + "]}");
    assertTrue(payload.toString().contains("customer=Ada"), payload.toString());
  }

  @Test
  void missingPrimitiveIsReportedWithItsPath() {
    String items = ITEM + "," + ITEM + ",{\"sku\":\"C\"}";
    JsonDecodeException e = decodeError("place_order", order(items));
    assertEquals("items[2].quantity", e.path());
    assertEquals("is required", e.getMessage());
  }

  @Test
  void wrongTypeIsReportedWithItsPath() {
    JsonDecodeException e = decodeError("place_order", order(ITEM + ",{\"sku\":\"B\",\"quantity\":\"two\"}"));
    assertEquals("items[1].quantity", e.path());
  }

  @Test
  void numericOverflowIsReportedWithItsPath() {
    JsonDecodeException e = decodeError("place_order", order("{\"sku\":\"B\",\"quantity\":3000000000}"));
    assertEquals("items[0].quantity", e.path());
  }

  @Test
  void unknownEnumConstantListsTheAllowedOnes() {
    JsonDecodeException e = decodeError("place_order", "{\"priority\":\"URGENT\"}");
    assertEquals("priority", e.path());
    assertTrue(e.getMessage().contains("LOW, NORMAL, HIGH"), e.getMessage());
  }

  @Test
  void payloadOfTheWrongJsonTypeIsRejected() {
    assertEquals("", decodeError("place_order", "[1, 2]").path());
    assertEquals("shipTo", decodeError("place_order", "{\"shipTo\":\"home\"}").path());
  }

  @Test
  void missingPayloadIsRequired() throws IOException {
    JsonDecodeException e = decodeError("place_order", "null");
    assertEquals("", e.path());
    assertEquals("payload is required", e.getMessage());
    try (JsonParser noToken = JsonRead.parser("")) {
      assertThrows(JsonDecodeException.class, () -> route("place_order").decode(noToken));
    }
  }

  @Test
  void malformedJsonIsAParseError() {
    assertThrows(JsonProcessingException.class, () -> decode("place_order", "{\"customer\": }"));
  }

  @Test
  void validationReportsEveryViolationWithPathConstraintAndMessage() throws IOException {
    String json = "{\"customer\":\"  \",\"email\":\"not-an-email\",\"items\":["
        + ITEM + ",{\"sku\":\"B\",\"quantity\":0,\"price\":1},{\"sku\":\"\",\"quantity\":2000,\"price\":-1}],"
        + "\"country\":\"gb\",\"deliverBy\":\"2000-01-01\",\"shipTo\":{\"street\":null}}";
    List<Violation> violations = violations("place_order", json);
    assertEquals(List.of(
        new Violation("customer", "NotBlank", "must not be blank"),
        new Violation("email", "Email", "please give a valid e-mail address"),
        new Violation("items[1].quantity", "Min", "must be greater than or equal to 1"),
        new Violation("items[2].sku", "NotBlank", "must not be blank"),
        new Violation("items[2].quantity", "Max", "must be less than or equal to 1000"),
        new Violation("items[2].price", "Positive", "must be greater than 0"),
        new Violation("country", "Pattern", "must match \"[A-Z]{2}\""),
        new Violation("deliverBy", "Future", "must be a future date"),
        new Violation("shipTo.street", "NotBlank", "must not be blank")), violations);
  }

  @Test
  void emptyAndMissingCollectionsBreakNotEmpty() throws IOException {
    assertEquals(List.of(new Violation("items", "NotEmpty", "must not be empty")),
        violations("place_order", "{\"customer\":\"Ada\",\"items\":[]}"));
    assertEquals(List.of(new Violation("items", "NotEmpty", "must not be empty")),
        violations("place_order", "{\"customer\":\"Ada\"}"));
  }

  @Test
  void routeWithoutPayloadSkipsWhateverWasSent() throws Exception {
    assertNull(decode("ping", "{\"ignored\":[1,2,3]}"));
    try (JsonParser noToken = JsonRead.parser("")) {
      assertNull(route("ping").decode(noToken));
    }
    assertNull(route("ping").invoke(null, null, Progress.none()));
    assertEquals("null", result("ping", null));
  }

  @Test
  void nonRecordResultsUseTheGenericWriter() throws Exception {
    Object report = route("generate_report").invoke(
        decode("generate_report", "{\"from\":\"2024-01-01\",\"to\":\"2024-12-31\",\"recordCount\":7}"),
        null, Progress.none());
    assertEquals("{\"rows\":7}", result("generate_report", report));
    assertEquals("42", result("count_orders", route("count_orders").invoke(null, null, Progress.none())));
    assertEquals("[\"LOW\",\"NORMAL\",\"HIGH\"]",
        result("list_priorities", route("list_priorities").invoke(null, null, Progress.none())));
  }

  @Test
  void boxedConstraintIgnoresNullAndChecksValues() throws IOException {
    assertEquals(List.of(
            new Violation("from", "NotNull", "must not be null"),
            new Violation("to", "NotNull", "must not be null")),
        violations("generate_report", "{}"));
    assertEquals(List.of(new Violation("recordCount", "Min", "must be greater than or equal to 1")),
        violations("generate_report", "{\"from\":\"2024-01-01\",\"to\":\"2024-01-02\",\"recordCount\":0}"));
  }

  @Test
  void recursiveRecordsDecodeAtAnyDepth() throws Exception {
    Class<?> codec = loader.loadClass("com.example.shop.OrderReceipt_CategoryJson");
    String json = "{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[{\"name\":\"c\",\"children\":[]}]}]}";
    Object category;
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      category = ((JsonReader<?>) codec.getField("READER").get(null)).read(parser);
    }
    assertEquals("Category[name=a, children=[Category[name=b, children=[Category[name=c, children=[]]]]]]",
        category.toString());
  }

  @Test
  void eachHandlerIsCreatedOncePerTable() throws Exception {
    Class<?> handlers = loader.loadClass("com.example.shop.ShopHandlers");
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    InvocationHandler counting = (proxy, method, args) -> {
      calls.computeIfAbsent(method.getName(), n -> new AtomicInteger()).incrementAndGet();
      return InvocationHandler.invokeDefault(proxy, method, args);
    };
    Object supplier = Proxy.newProxyInstance(loader, new Class<?>[] {handlers}, counting);
    RouteTable custom = (RouteTable) loader.loadClass("com.example.shop.ShopRouteTable")
        .getMethod("create", handlers).invoke(null, supplier);
    assertEquals(7, custom.routes().size());
    assertEquals(1, calls.get("orders").get());
    assertEquals(1, calls.get("reports").get());
    assertInstanceOf(Route.class, custom.find("ping"));
  }

  @Test
  void anActionGetsTheNotifierOfItsContextAndTheRegistryEncodesItsEvent() throws Exception {
    dev.streamer.core.event.EventRegistry events = table.events();
    assertEquals(List.of("order_shipped"), events.types().stream().map(t -> t.name()).toList());
    List<String> sent = new java.util.ArrayList<>();
    dev.streamer.core.event.EventSink sink = new dev.streamer.core.event.EventSink() {
      @Override
      public dev.streamer.core.Delivery toUser(String tenantId, String userId, String event, String message) {
        throw new AssertionError("toUser");
      }

      @Override
      public dev.streamer.core.Delivery toTenant(String tenantId, String event, String message) {
        sent.add(tenantId + " " + message);
        return new dev.streamer.core.Delivery(1, 0, 0);
      }

      @Override
      public dev.streamer.core.Delivery toConnection(String tenantId, String connectionId, String event,
          String message) {
        throw new AssertionError("toConnection");
      }
    };
    RequestContext context = RequestContext.builder("r-2", "ship")
        .notifier(dev.streamer.core.event.ScopedNotifier.forCaller(events, sink, "t1", "alice", "c-1"))
        .build();
    String json = "{\"orderId\":\"0b5a3f39-9ad3-4f0a-a3a1-d1c2b8c1a0f1\",\"shippedAt\":\"2026-11-30T20:00:00Z\","
        + "\"priority\":\"HIGH\"}";
    route("ship").invoke(decode("ship", json), context, Progress.none());
    assertEquals(List.of("t1 {\"type\":\"event\",\"event\":\"order_shipped\",\"data\":" + json + "}"), sent);

    // the event type's reader (the Java client's) reads what its writer wrote
    Object shipped = events.named("order_shipped").read(parser(json));
    assertEquals(loader.loadClass("com.example.shop.OrderShipped"), shipped.getClass());
  }

  private static com.fasterxml.jackson.core.JsonParser parser(String json) throws java.io.IOException {
    com.fasterxml.jackson.core.JsonParser parser = dev.streamer.core.json.Json.FACTORY.createParser(json);
    parser.nextToken();
    return parser;
  }

  @Test
  void everyRoutePrimesOnItsGeneratedExampleWithoutRunningTheAction() throws Exception {
    // the examples are read by the routes' own codecs; the actions would fail on them (Orders.placeOrder checks
    // stock), so a successful priming also shows invoke is never reached
    for (Route<?, ?> route : table.routes()) {
      ActionRoute<?, ?> action = assertInstanceOf(ActionRoute.class, route, route.action());
      action.prime();
    }
    assertEquals(7, table.routes().size());
  }
}
