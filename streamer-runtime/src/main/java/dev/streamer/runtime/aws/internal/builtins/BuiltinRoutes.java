package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.RouteTables;

/** The actions every Streamer deployment has besides the application's: {@code status}, {@code subscribe}, {@code cancel}. */
public final class BuiltinRoutes {

  private BuiltinRoutes() {}

  /** {@code replies} delivers the CANCELLED error of a request cancelled while queued to its owner's connection. */
  public static Route<?, ?>[] all(DynamoRequestStore store, MessageSender replies) {
    return all(store, QueuePosition.NONE, replies);
  }

  /**
   * The built-ins, {@code status} reporting a deferred job's place through {@code positions}, {@code cancel}
   * replying through {@code replies}.
   */
  public static Route<?, ?>[] all(DynamoRequestStore store, QueuePosition positions, MessageSender replies) {
    return new Route<?, ?>[] {new StatusRoute(store, positions), new SubscribeRoute(store),
        new CancelRoute(store, replies)};
  }

  /**
   * {@code app}'s routes plus the built-ins. Throws {@link IllegalArgumentException} when the application declares an
   * action with a built-in's name.
   */
  public static RouteTable withBuiltins(RouteTable app, DynamoRequestStore store, MessageSender replies) {
    return withBuiltins(app, store, QueuePosition.NONE, replies);
  }

  /** As {@link #withBuiltins(RouteTable, DynamoRequestStore, MessageSender)}, with deferred jobs' places in {@code status}. */
  public static RouteTable withBuiltins(RouteTable app, DynamoRequestStore store, QueuePosition positions,
      MessageSender replies) {
    return RouteTables.combine(app, all(store, positions, replies));
  }
}
