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
  void combineLooksTheApplicationsRoutesUpOnlyByName() {
    // a generated table builds a route on first use: combining must not ask for all of them
    RouteTable app = new RouteTable() {
      @Override
      public String appName() {
        return "App";
      }

      @Override
      public Route<?, ?> find(String action) {
        return "echo".equals(action) ? echo : null;
      }

      @Override
      public java.util.Collection<Route<?, ?>> routes() {
        throw new AssertionError("routes() built every route");
      }
    };
    RouteTable combined = RouteTables.combine(app, status);

    assertSame(echo, combined.find("echo"));
    assertSame(status, combined.find("status"));
    assertNull(combined.find("nope"));
    assertNull(combined.find(null));
    assertThrows(IllegalArgumentException.class, () -> RouteTables.combine(app, new TestRoutes.EchoRoute()));
  }

  @Test
  void routesCannotBeModified() {
    RouteTable table = RouteTables.of("App", echo);

    assertThrows(UnsupportedOperationException.class, () -> table.routes().clear());
  }
}
