package dev.streamer.runtime.aws.builtins;

import dev.streamer.runtime.aws.requests.DynamoRequestStore;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.RouteTables;

/** The actions every Streamer deployment has besides the application's: {@code status}, {@code subscribe}, {@code cancel}. */
public final class BuiltinRoutes {

  private BuiltinRoutes() {}

  public static Route<?, ?>[] all(DynamoRequestStore store) {
    return all(store, QueuePosition.NONE);
  }

  /** The built-ins, {@code status} reporting a deferred job's place through {@code positions}. */
  public static Route<?, ?>[] all(DynamoRequestStore store, QueuePosition positions) {
    return new Route<?, ?>[] {new StatusRoute(store, positions), new SubscribeRoute(store), new CancelRoute(store)};
  }

  /**
   * {@code app}'s routes plus the built-ins. Throws {@link IllegalArgumentException} when the application declares an
   * action with a built-in's name.
   */
  public static RouteTable withBuiltins(RouteTable app, DynamoRequestStore store) {
    return withBuiltins(app, store, QueuePosition.NONE);
  }

  /** As {@link #withBuiltins(RouteTable, DynamoRequestStore)}, with deferred jobs' places in {@code status}. */
  public static RouteTable withBuiltins(RouteTable app, DynamoRequestStore store, QueuePosition positions) {
    return RouteTables.combine(app, all(store, positions));
  }
}
