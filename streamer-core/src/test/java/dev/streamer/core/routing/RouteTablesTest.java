package dev.streamer.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTablesTest {

  private final Route<?, ?> echo = new TestRoutes.EchoRoute();
  private final Route<?, ?> order = new TestRoutes.OrderRoute();
  private final Route<?, ?> status = new TestRoutes.CallRoute("status", () -> "ok");

  @Test
  void findsRoutesByActionInNameOrder() {
    RouteTable table = RouteTables.of("App", order, echo);

    assertEquals("App", table.appName());
    assertSame(echo, table.find("echo"));
    assertNull(table.find("nope"));
    assertNull(table.find(null));
    assertEquals(List.of("echo", "process_data"), table.routes().stream().map(Route::action).toList());
  }

  @Test
  void combineAddsExtraRoutesUnderTheApplicationName() {
    RouteTable combined = RouteTables.combine(RouteTables.of("App", order, echo), status);

    assertEquals("App", combined.appName());
    assertSame(status, combined.find("status"));
    assertSame(order, combined.find("process_data"));
    assertEquals(List.of("echo", "process_data", "status"), combined.routes().stream().map(Route::action).toList());
  }

  @Test
  void duplicatesAreRejected() {
    RouteTable app = RouteTables.of("App", echo);

    IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
        () -> RouteTables.combine(app, new TestRoutes.EchoRoute()));
    assertEquals("duplicate action: echo", clash.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RouteTables.combine(app, status, status));
    assertThrows(IllegalArgumentException.class, () -> RouteTables.of("App", echo, echo));
  }

  @Test
  void routesCannotBeModified() {
    RouteTable table = RouteTables.of("App", echo);

    assertThrows(UnsupportedOperationException.class, () -> table.routes().clear());
  }
}
