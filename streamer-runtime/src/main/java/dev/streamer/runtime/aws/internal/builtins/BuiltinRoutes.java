package dev.streamer.runtime.aws.internal.builtins;

import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.routing.RouteTables;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

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

  /**
   * {@code app}'s routes plus the built-ins, which {@code builtins} makes on the first look-up of a built-in's name
   * (or of every route): a function that serves only application actions never builds them, nor the request store
   * and tenant controls they use. Throws {@link IllegalArgumentException} when the application declares an action
   * with a built-in's name.
   */
  public static RouteTable withBuiltinsOnFirstUse(RouteTable app, Supplier<Route<?, ?>[]> builtins) {
    Objects.requireNonNull(app, "app");
    for (BuiltinAction builtin : BuiltinAction.values()) {
      if (app.find(builtin.actionName()) != null) {
        throw new IllegalArgumentException("duplicate action: " + builtin.actionName());
      }
    }
    return new OnFirstUse(app, Objects.requireNonNull(builtins, "builtins"));
  }

  /** The application's table, and the built-ins combined with it when one of them is first looked up. */
  private static final class OnFirstUse implements RouteTable {
    private final RouteTable app;
    private Supplier<Route<?, ?>[]> builtins;
    private volatile RouteTable combined;

    OnFirstUse(RouteTable app, Supplier<Route<?, ?>[]> builtins) {
      this.app = app;
      this.builtins = builtins;
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
      return action != null && BuiltinAction.isBuiltin(action) ? combined().find(action) : app.find(action);
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
}
