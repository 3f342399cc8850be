package dev.streamer.runtime.aws.lambda;

import dev.streamer.core.Delivery;
import dev.streamer.core.Notifier;
import dev.streamer.core.event.ScopedNotifier;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.RouteTable;
import java.util.Objects;
import java.util.function.Function;

/**
 * Each caller's {@link Notifier}, encoding with the application's event registry, which is asked of the route table
 * only when an action first sends an event: a function whose actions send none never loads the event classes, and a
 * request that sends none loads neither the scoped notifier nor the exceptions it throws.
 *
 * <p>One class in two roles: the function's instance ({@link #CallerNotifiers(RouteTable, AwsRuntime)}) makes a
 * caller's instance ({@link #apply}), which is that caller's notifier and scopes itself on its first event. A named
 * class rather than a lambda, which a cold start would spin, and one rather than two, which it would load.
 */
final class CallerNotifiers implements Function<Caller, Notifier>, Notifier {

  private final RouteTable routes;
  private final AwsRuntime runtime;
  /** Null in the function's instance. */
  private final Caller caller;
  private Notifier scoped;

  /** Events go to {@code runtime.events()}, asked on the first event too. */
  CallerNotifiers(RouteTable routes, AwsRuntime runtime) {
    this(routes, runtime, null);
  }

  private CallerNotifiers(RouteTable routes, AwsRuntime runtime, Caller caller) {
    this.routes = routes;
    this.runtime = runtime;
    this.caller = caller;
  }

  /** {@code caller}'s notifier. */
  @Override
  public Notifier apply(Caller caller) {
    return new CallerNotifiers(routes, runtime, Objects.requireNonNull(caller, "caller"));
  }

  private Notifier scoped() {
    if (caller == null) {
      throw new IllegalStateException("the function's instance makes notifiers; it sends no event itself");
    }
    Notifier current = scoped;
    if (current == null) { // immutable: building it twice on two threads is harmless
      current = ScopedNotifier.forCaller(routes.events(), runtime.events(), caller.tenantId(), caller.userId(),
          caller.connectionId());
      scoped = current;
    }
    return current;
  }

  @Override
  public Delivery toCaller(Record event) {
    return scoped().toCaller(event);
  }

  @Override
  public Delivery toUser(String userId, Record event) {
    return scoped().toUser(userId, event);
  }

  @Override
  public Delivery toTenant(Record event) {
    return scoped().toTenant(event);
  }

  @Override
  public Delivery toConnection(String connectionId, Record event) {
    return scoped().toConnection(connectionId, event);
  }
}
