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
   * extra route has the name of an application action or of another extra route. Looks {@code app}'s routes up only
   * when asked: a generated table builds a route on first use.
   */
  public static RouteTable combine(RouteTable app, Route<?, ?>... extra) {
    Objects.requireNonNull(app, "app");
    Map<String, Route<?, ?>> extras = new TreeMap<>();
    for (Route<?, ?> route : extra) {
      if (extras.putIfAbsent(route.action(), route) != null || app.find(route.action()) != null) {
        throw new IllegalArgumentException("duplicate action: " + route.action());
      }
    }
    return new CombinedRouteTable(app, Collections.unmodifiableMap(extras));
  }

  /** An application's table and extra routes of other names. */
  private record CombinedRouteTable(RouteTable app, Map<String, Route<?, ?>> extras) implements RouteTable {
    @Override
    public EventRegistry events() {
      return app.events();
    }

    @Override
    public String appName() {
      return app.appName();
    }

    @Override
    public Route<?, ?> find(String action) {
      Route<?, ?> extra = action == null ? null : extras.get(action);
      return extra != null ? extra : app.find(action);
    }

    @Override
    public Collection<Route<?, ?>> routes() {
      Map<String, Route<?, ?>> all = new TreeMap<>(extras);
      app.routes().forEach(route -> all.put(route.action(), route));
      return Collections.unmodifiableCollection(all.values());
    }
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
