package dev.streamer.runtime.aws.lambda;

import dev.streamer.core.Delivery;
import dev.streamer.core.Notifier;
import dev.streamer.core.event.ScopedNotifier;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.RouteTable;
import java.util.function.Function;

/**
 * Each caller's {@link Notifier}, encoding with the application's event registry, which is asked of the route table
 * only when an action first sends an event: a function whose actions send none never loads the event classes. A
 * named class rather than a lambda, which a cold start would spin.
 */
final class CallerNotifiers implements Function<Caller, Notifier> {

  private final RouteTable routes;
  private final AwsRuntime runtime;

  /** Events go to {@code runtime.events()}, asked on the first event too. */
  CallerNotifiers(RouteTable routes, AwsRuntime runtime) {
    this.routes = routes;
    this.runtime = runtime;
  }

  @Override
  public Notifier apply(Caller caller) {
    return new OnFirstEvent(this, caller);
  }

  /**
   * A caller's notifier, scoped on its first event: a request that sends none loads neither the scoped notifier nor
   * the exceptions it throws.
   */
  private static final class OnFirstEvent implements Notifier {
    private final CallerNotifiers notifiers;
    private final Caller caller;
    private Notifier scoped;

    OnFirstEvent(CallerNotifiers notifiers, Caller caller) {
      this.notifiers = notifiers;
      this.caller = caller;
    }

    private Notifier scoped() {
      Notifier current = scoped;
      if (current == null) { // immutable: building it twice on two threads is harmless
        current = ScopedNotifier.forCaller(notifiers.routes.events(), notifiers.runtime.events(), caller.tenantId(),
            caller.userId(), caller.connectionId());
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
}
