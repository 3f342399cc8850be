package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.RouteTables;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An application's route table, and the built-ins ({@link BuiltinRoutes#all}) combined with it when one of their names
 * (or every route) is first looked up: a function that serves only application actions never builds them, nor the
 * request store and tenant controls they use. A class of its own, not a part of {@link BuiltinRoutes}, so that such a
 * function does not load that one either.
 */
public final class BuiltinsOnFirstUse implements RouteTable {

  private final RouteTable app;
  private Supplier<Route<?, ?>[]> builtins;
  private volatile RouteTable combined;

  /**
   * {@code app}'s routes plus the built-ins {@code builtins} makes on first use (once). Throws
   * {@link IllegalArgumentException} at once when the application declares an action with a built-in's name.
   */
  public BuiltinsOnFirstUse(RouteTable app, Supplier<Route<?, ?>[]> builtins) {
    Objects.requireNonNull(app, "app");
    // the names' constants, not BuiltinAction.values(): a function serving only application actions never loads
    // the enum (BuiltinRoutesTest checks that every built-in is listed)
    for (String builtin : new String[] {BuiltinAction.STATUS_NAME, BuiltinAction.SUBSCRIBE_NAME,
        BuiltinAction.CANCEL_NAME}) {
      if (app.find(builtin) != null) {
        throw new IllegalArgumentException("duplicate action: " + builtin);
      }
    }
    this.app = app;
    this.builtins = Objects.requireNonNull(builtins, "builtins");
  }

  private RouteTable combined() {
    RouteTable current = combined;
    if (current == null) {
      synchronized (this) {
        if (combined == null) {
          combined = RouteTables.combine(app, builtins.get());
          builtins = null;
        }
        current = combined;
      }
    }
    return current;
  }

  @Override
  public String appName() {
    return app.appName();
  }

  @Override
  public Route<?, ?> find(String action) {
    Route<?, ?> route = app.find(action); // first: no application action has a built-in's name (checked above)
    return route == null && action != null && BuiltinAction.isBuiltin(action) ? combined().find(action) : route;
  }

  @Override
  public EventRegistry events() {
    return app.events();
  }

  @Override
  public Collection<Route<?, ?>> routes() {
    return combined().routes();
  }
}
