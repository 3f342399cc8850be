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
 * method. Handler instances come from {@link ShopHandlers}, each created once per table.
 */
@Generated("dev.streamer.processor.StreamerProcessor")
public final class ShopRouteTable implements RouteTable {
  public static final String APP_NAME = "Shop";

  private final CountOrdersRoute countOrders;

  private final ExportSalesRoute exportSales;

  private final GenerateReportRoute generateReport;

  private final ListPrioritiesRoute listPriorities;

  private final PingRoute ping;

  private final PlaceOrderRoute placeOrder;

  private final ShipRoute ship;

  private final List<Route<?, ?>> routes;

  private ShopRouteTable(ShopHandlers handlers) {
    Orders orders = Objects.requireNonNull(handlers.orders(), "ShopHandlers.orders() returned null");
    Reports reports = Objects.requireNonNull(handlers.reports(), "ShopHandlers.reports() returned null");
    this.countOrders = new CountOrdersRoute(reports);
    this.exportSales = new ExportSalesRoute(reports);
    this.generateReport = new GenerateReportRoute(reports);
    this.listPriorities = new ListPrioritiesRoute(orders);
    this.ping = new PingRoute(orders);
    this.placeOrder = new PlaceOrderRoute(orders);
    this.ship = new ShipRoute(orders);
    this.routes = List.of(this.countOrders, this.exportSales, this.generateReport,
        this.listPriorities, this.ping, this.placeOrder, this.ship);
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
      case "count_orders" -> countOrders;
      case "export_sales" -> exportSales;
      case "generate_report" -> generateReport;
      case "list_priorities" -> listPriorities;
      case "ping" -> ping;
      case "place_order" -> placeOrder;
      case "ship" -> ship;
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
    return routes;
  }
}
