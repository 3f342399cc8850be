package com.example.shop;

import com.example.shop.reports.Reports;
import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The routes of application {@code Shop}, by action name: one generated route per {@code @Action}
 * method, built on first use. Handler instances come from {@link ShopHandlers}, each created once per table, when
 * a route that calls it is first built.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopRouteTable implements RouteTable {
  public static final String APP_NAME = "Shop";

  private final ShopHandlers handlers;

  private Orders orders;

  private Reports reports;

  /**
   * Built on first use: a cold start builds only the route it serves. Routes are immutable (final
   * fields only), so a thread that reads one unsynchronized sees it whole.
   */
  private final Route<?, ?>[] routes = new Route<?, ?>[7];

  private ShopRouteTable(ShopHandlers handlers) {
    this.handlers = handlers;
  }

  private Orders orders() {
    if (orders == null) {
      orders = Objects.requireNonNull(handlers.orders(), "ShopHandlers.orders() returned null");
    }
    return orders;
  }

  private Reports reports() {
    if (reports == null) {
      reports = Objects.requireNonNull(handlers.reports(), "ShopHandlers.reports() returned null");
    }
    return reports;
  }

  private Route<?, ?> route(int index) {
    Route<?, ?> route = routes[index];
    return route != null ? route : build(index);
  }

  /**
   * Builds route {@code index} once, and each handler once (under this table's lock).
   */
  private synchronized Route<?, ?> build(int index) {
    Route<?, ?> route = routes[index];
    if (route == null) {
      route = switch (index) {
        case 0 -> new CountOrdersRoute(reports());
        case 1 -> new ExportSalesRoute(reports());
        case 2 -> new GenerateReportRoute(reports());
        case 3 -> new ListPrioritiesRoute(orders());
        case 4 -> new PingRoute(orders());
        case 5 -> new PlaceOrderRoute(orders());
        case 6 -> new ShipRoute(orders());
        default -> throw new IndexOutOfBoundsException(index);
      };
      routes[index] = route;
    }
    return route;
  }

  /**
   * A route table with a new instance of every handler class.
   */
  public static ShopRouteTable create() {
    return create(new ShopHandlers() {});
  }

  /**
   * A route table whose handlers come from {@code handlers} (each method called once).
   */
  public static ShopRouteTable create(ShopHandlers handlers) {
    return new ShopRouteTable(Objects.requireNonNull(handlers, "handlers"));
  }

  @Override
  public String appName() {
    return APP_NAME;
  }

  @Override
  public Route<?, ?> find(String action) {
    if (action == null) {
      return null;
    }
    return switch (action) {
      case "count_orders" -> route(0);
      case "export_sales" -> route(1);
      case "generate_report" -> route(2);
      case "list_priorities" -> route(3);
      case "ping" -> route(4);
      case "place_order" -> route(5);
      case "ship" -> route(6);
      default -> null;
    };
  }

  /**
   * The application's {@code @Event} types.
   */
  @Override
  public EventRegistry events() {
    return ShopEvents.REGISTRY;
  }

  /**
   * Every route, sorted by action name.
   */
  @Override
  public Collection<Route<?, ?>> routes() {
    return List.of(route(0), route(1), route(2), route(3), route(4), route(5), route(6));
  }
}
