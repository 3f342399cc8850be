package dev.streamer.core.routing;

import dev.streamer.core.event.EventRegistry;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Builds and combines {@link RouteTable}s, for example to add built-in actions to a generated table. */
public final class RouteTables {

  private RouteTables() {}

  /** A table of exactly {@code routes}; throws {@link IllegalArgumentException} on a duplicate action name. */
  public static RouteTable of(String appName, Collection<? extends Route<?, ?>> routes) {
    Objects.requireNonNull(appName, "appName");
    Map<String, Route<?, ?>> byAction = new TreeMap<>();
    for (Route<?, ?> route : routes) {
      if (byAction.putIfAbsent(route.action(), route) != null) {
        throw new IllegalArgumentException("duplicate action: " + route.action());
      }
    }
    return new FixedRouteTable(appName, byAction, EventRegistry.empty());
  }

  public static RouteTable of(String appName, Route<?, ?>... routes) {
    return of(appName, Arrays.asList(routes));
  }

  /**
   * {@code app}'s routes plus {@code extra}, under {@code app}'s name and with {@code app}'s events. Throws {@link IllegalArgumentException} when an
   * extra route has the name of an application action or of another extra route.
   */
  public static RouteTable combine(RouteTable app, Route<?, ?>... extra) {
    Objects.requireNonNull(app, "app");
    var all = new java.util.ArrayList<Route<?, ?>>(app.routes());
    all.addAll(Arrays.asList(extra));
    return new FixedRouteTable(app.appName(), ((FixedRouteTable) of(app.appName(), all)).byAction, app.events());
  }

  private static final class FixedRouteTable implements RouteTable {
    private final String appName;
    private final Map<String, Route<?, ?>> byAction;
    private final EventRegistry events;

    FixedRouteTable(String appName, Map<String, Route<?, ?>> byAction, EventRegistry events) {
      this.appName = appName;
      this.byAction = Collections.unmodifiableMap(byAction);
      this.events = events;
    }

    @Override
    public EventRegistry events() {
      return events;
    }

    @Override
    public String appName() {
      return appName;
    }

    @Override
    public Route<?, ?> find(String action) {
      return action == null ? null : byAction.get(action);
    }

    @Override
    public Collection<Route<?, ?>> routes() {
      return byAction.values();
    }
  }
}
