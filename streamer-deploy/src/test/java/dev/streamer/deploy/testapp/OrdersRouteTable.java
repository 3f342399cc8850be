package dev.streamer.deploy.testapp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.RouteTables;
import dev.streamer.core.validation.Violations;
import java.util.Collection;

/** Stands in for a generated route table: {@code create()}, an app name, and two actions. */
public final class OrdersRouteTable implements RouteTable {

  private final RouteTable routes = RouteTables.of("Orders", new NamedRoute("place_order"), new NamedRoute("ship"));

  public static OrdersRouteTable create() {
    return new OrdersRouteTable();
  }

  @Override
  public String appName() {
    return "Orders";
  }

  @Override
  public Route<?, ?> find(String action) {
    return routes.find(action);
  }

  @Override
  public Collection<Route<?, ?>> routes() {
    return routes.routes();
  }

  private record NamedRoute(String action) implements Route<Void, Void> {
    @Override public String description() { return ""; }
    @Override public long estimatedMillis() { return -1; }
    @Override public boolean async() { return false; }
    @Override public Void decode(JsonParser parser) { return null; }
    @Override public void validate(Void payload, Violations violations) {}
    @Override public Void invoke(Void payload, RequestContext context, Progress progress) { return null; }
    @Override public void writeResult(Void result, JsonGenerator generator) {}
  }
}
