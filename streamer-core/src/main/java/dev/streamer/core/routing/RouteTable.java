package dev.streamer.core.routing;

import dev.streamer.core.event.EventRegistry;
import java.util.Collection;

/** All routes of one application, by action name. Generated as {@code <App>RouteTable}. */
public interface RouteTable {

  /** Application name ({@code -Astreamer.app}). */
  String appName();

  /** The route for {@code action}, or null when there is none. */
  Route<?, ?> find(String action);

  /** Every route, in a stable order (by action name). */
  Collection<Route<?, ?>> routes();

  /** The application's {@code @Event} types (generated {@code <App>Events.REGISTRY}); none by default. */
  default EventRegistry events() {
    return EventRegistry.empty();
  }
}
