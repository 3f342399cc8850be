package dev.streamer.deploy.testapp;

import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import java.util.Collection;
import java.util.List;

/** A route table whose handler classes were never generated. */
public final class BrokenRouteTable implements RouteTable {

  public static BrokenRouteTable create() {
    return new BrokenRouteTable();
  }

  @Override
  public String appName() {
    return "Broken";
  }

  @Override
  public Route<?, ?> find(String action) {
    return null;
  }

  @Override
  public Collection<Route<?, ?>> routes() {
    return List.of();
  }
}
