package dev.streamer.core.routing;

import java.util.Collection;

/** All routes of one application, by action name. Generated as {@code <App>RouteTable}. */
public interface RouteTable {

  /** Application name ({@code -Astreamer.app}). */
  String appName();

  /** The route for {@code action}, or null when there is none. */
  Route<?, ?> find(String action);

  /** Every route, in a stable order (by action name). */
  Collection<Route<?, ?>> routes();
}
