package dev.streamer.test.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.ErrorMapper;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.Phase;
import dev.streamer.core.routing.Router;
import dev.streamer.core.routing.RouterConfig;
import dev.streamer.core.testing.InMemoryRequestQueue;
import dev.streamer.core.validation.Violation;
import dev.streamer.test.quotes.BatchQuote;
import dev.streamer.test.quotes.Price;
import dev.streamer.test.quotes.QuotesRouteTable;
import dev.streamer.test.unit.RecordingProgress;
import dev.streamer.test.unit.TestContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The Quotes app's generated routes through {@link TestRoutes}, and agreement with the router. */
class TestRoutesTest {

  private final TestRoutes routes = TestRoutes.of(QuotesRouteTable.create());

  @Test
  void aSyncActionAnswersItsEncodedResult() {
    RouteCall call = routes.call("quote_price", "{\"sku\":\"A-1\",\"quantity\":2}");
    assertTrue(call.succeeded());
    assertFalse(call.queued());
    Price price = call.value(Price.class);
    assertEquals("{\"sku\":\"A-1\",\"quantity\":2,\"totalCents\":" + price.totalCents()
        + ",\"quotedFor\":\"test-user\"}", call.json());
    assertTrue(call.progress().isEmpty());
    assertThrows(AssertionError.class, call::error);
  }

  @Test
  void theCallerComesFromTheContext() {
    RouteCall call = routes.call("quote_price", "{\"sku\":\"A-1\",\"quantity\":2}",
        TestContext.builder().userId("alice"));
    assertEquals("alice", call.value(Price.class).quotedFor());
  }

  @Test
  void everyViolationIsReportedWithItsPathAndConstraint() {
    RouteCall call = routes.call("quote_price", "{\"sku\":\" \",\"quantity\":0}");
    StreamerError error = call.assertError(ErrorCode.VALIDATION_ERROR);
    assertEquals(List.of("quantity", "sku"), call.violationPaths());
    assertEquals(List.of("Min", "NotBlank"),
        call.violations().stream().map(Violation::constraint).sorted().toList());
    assertNull(call.payload(), "an invalid payload is not kept");
    assertEquals("payload has 2 constraint violations", error.message());
    AssertionError notAResult = assertThrows(AssertionError.class, call::json);
    assertTrue(notAResult.getMessage().contains("VALIDATION_ERROR"), notAResult.getMessage());
  }

  @Test
  void aWrongTypeIsAValidationErrorAtItsPath() {
    RouteCall call = routes.call("quote_price", "{\"sku\":\"A\",\"quantity\":\"three\"}");
    assertEquals("quantity", call.assertError(ErrorCode.VALIDATION_ERROR).details().get("path"));
    assertEquals(List.of(), call.violations());
  }

  @Test
  void malformedJsonAndUnknownActionsAreTypedErrors() {
    assertEquals(ErrorMapper.MALFORMED_JSON,
        routes.call("quote_price", "{\"sku\":").assertError(ErrorCode.VALIDATION_ERROR).message());
    assertEquals("unknown action \"nope\"", routes.call("nope", "{}").assertError(ErrorCode.INVALID_ACTION).message());
    AssertionError wrongCode = assertThrows(AssertionError.class,
        () -> routes.call("nope", "{}").assertError(ErrorCode.VALIDATION_ERROR));
    assertTrue(wrongCode.getMessage().contains("INVALID_ACTION"), wrongCode.getMessage());
  }

  @Test
  void anAsyncActionRunsAtOnceWithEveryProgressReport() {
    RouteCall call = routes.call("quote_batch", "{\"skus\":[\"A\",\"B\",\"C\",\"D\"]}");
    assertTrue(call.queued(), "the router would queue it");
    assertEquals(4, call.value(BatchQuote.class).count());
    assertEquals(List.of(0.25, 0.5, 0.75, 1.0), call.progress().fractions());
    assertEquals("priced D", call.progress().last().message());
  }

  @Test
  void aCancelledRequestStopsEarly() {
    RecordingProgress progress = new RecordingProgress();
    progress.cancel();
    RouteCall call = routes.call("quote_batch", "{\"skus\":[\"A\",\"B\"]}",
        TestContext.builder().action("quote_batch").build(), progress);
    assertEquals(new BatchQuote(0, 0), call.value(BatchQuote.class));
  }

  @Test
  void aRetryableFailureIsAnsweredAsTheClientWouldSeeIt() {
    StreamerError error = routes.call("order_stock", "{\"sku\":\"S\",\"quantity\":1}")
        .assertError(ErrorCode.SERVICE_UNAVAILABLE);
    assertEquals("supplier busy", error.message());
    assertTrue(error.retry().retryable());
  }

  @Test
  void interceptorsWrapTheCallInTheRoutersPhase() {
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor record = invocation -> {
      seen.add(invocation.phase() + " " + invocation.route().action());
      return invocation.proceed();
    };
    TestRoutes intercepted = TestRoutes.of(QuotesRouteTable.create(), List.of(record));
    intercepted.call("quote_price", "{\"sku\":\"A\",\"quantity\":1}").json();
    intercepted.call("quote_batch", "{\"skus\":[\"A\"]}").json();
    assertEquals(List.of(Phase.SYNC + " quote_price", Phase.ASYNC + " quote_batch"), seen);
  }

  @Test
  void anUnexpectedExceptionReachesTheCallerOnlyAsAnInternalError() {
    Interceptor failing = invocation -> {
      throw new IllegalStateException("database password is hunter2");
    };
    StreamerError error = TestRoutes.of(QuotesRouteTable.create(), List.of(failing))
        .call("quote_price", "{\"sku\":\"A\",\"quantity\":1}").assertError(ErrorCode.INTERNAL_ERROR);
    assertEquals(ErrorMapper.INTERNAL_MESSAGE, error.message());
  }

  /** What {@link TestRoutes} answers for a sync action is what the router replies, message for message. */
  @Test
  void agreesWithTheRouter() {
    String requestId = "req-fixed";
    Router router = new Router(QuotesRouteTable.create(), new InMemoryRequestQueue(),
        RouterConfig.builder().idGenerator(() -> requestId).build());
    Caller caller = new Caller("conn-1", TestContext.USER, TestContext.TENANT, Map.of(), null);
    for (String payload : List.of("{\"sku\":\"A-1\",\"quantity\":2}", "{\"sku\":\" \",\"quantity\":0}",
        "{\"sku\":\"A\",\"quantity\":\"three\"}", "{\"sku\":\"A\",\"quantity\":1001}", "[]", "null", "{}",
        "{\"quantity\":99999999999}")) {
      String replied = router.route("{\"id\":\"c-1\",\"action\":\"quote_price\",\"payload\":" + payload + "}", caller);
      RouteCall call = routes.call("quote_price", payload);
      String expected = call.succeeded()
          ? Messages.result("c-1", requestId, call.json())
          : Messages.error("c-1", requestId, call.error());
      assertEquals(replied, expected, "payload " + payload);
    }
  }
}
