package dev.streamer.test.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.test.quotes.QuotesRouteTable;
import dev.streamer.test.routes.RouteCall;
import dev.streamer.test.routes.TestRoutes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README "Testing your actions", route level: decode, validate, invoke, encode as the router does. */
class RouteLevelExampleTest {

  // tag::route[]
  private final TestRoutes routes = TestRoutes.of(QuotesRouteTable.create());

  @Test
  void quotePriceAnswersJson() {
    RouteCall call = routes.call("quote_price", "{\"sku\":\"A-1\",\"quantity\":3}");
    assertTrue(call.json().startsWith("{\"sku\":\"A-1\",\"quantity\":3,\"totalCents\":"));
  }

  @Test
  void quotePriceRejectsBadInputWithEveryViolation() {
    RouteCall call = routes.call("quote_price", "{\"sku\":\" \",\"quantity\":0}");
    call.assertError(ErrorCode.VALIDATION_ERROR);
    assertEquals(List.of("quantity", "sku"), call.violationPaths());
  }
  // end::route[]
}
