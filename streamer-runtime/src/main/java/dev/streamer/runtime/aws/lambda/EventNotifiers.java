package dev.streamer.runtime.aws.lambda;

import dev.streamer.core.Notifier;
import dev.streamer.core.event.EventRegistry;
import dev.streamer.core.event.EventSink;
import dev.streamer.core.event.ScopedNotifier;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.config.StreamerConfig;
import java.util.Objects;

/**
 * The privileged path to server events: a {@link Notifier} for an explicit tenant, for code that runs outside any
 * action (a scheduled Lambda, another service's consumer). Whoever calls {@link #forTenant} decides the tenant, so
 * only trusted code may: never pass a tenant id that came from a client. Inside an action, take the {@code Notifier}
 * parameter instead, which is bound to the caller's tenant.
 *
 * <pre>{@code
 * static final EventNotifiers EVENTS = EventNotifiers.fromEnvironment(SampleRouteTable.create());
 * EVENTS.forTenant("acme").toTenant(new Announcement("maintenance at 22:00", "ops"));
 * }</pre>
 *
 * <p>It reads the same environment as the generated handlers ({@link AwsRuntime}, {@link StreamerConfig}: region,
 * connections table, {@code WEBSOCKET_ENDPOINT}, send retries) and needs {@code dynamodb:Query}/{@code GetItem}/{@code DeleteItem} on the
 * connections table and its indexes and {@code execute-api:ManageConnections} on the API. {@code toCaller} refuses:
 * there is no caller.
 */
public final class EventNotifiers {

  private final EventRegistry registry;
  private final EventSink sink;

  private EventNotifiers(EventRegistry registry, EventSink sink) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Built from the process environment ({@link AwsRuntime#fromEnvironment()}), once per process: keep it in a static
   * field. The event broadcaster is built on the first event sent.
   */
  public static EventNotifiers fromEnvironment(RouteTable routes) {
    return of(routes, AwsRuntime.fromEnvironment());
  }

  /** On the event broadcaster of {@code runtime} (a local stack's, or one built from a map in tests). */
  public static EventNotifiers of(RouteTable routes, AwsRuntime runtime) {
    return new EventNotifiers(routes.events(), runtime.events());
  }

  /** On a sink of your own (tests, the local stack's broadcaster). */
  public static EventNotifiers of(EventRegistry registry, EventSink sink) {
    return new EventNotifiers(registry, sink);
  }

  /** A notifier whose every event stays within {@code tenantId}. */
  public Notifier forTenant(String tenantId) {
    return ScopedNotifier.forTenant(registry, sink, tenantId);
  }
}
