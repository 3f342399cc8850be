package dev.streamer.deploy.app;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a deployment is generated from: an application's generated {@code <App>RouteTable} (its app name, package and
 * actions) and the names of its generated Lambda handler classes.
 *
 * <p>The handler classes are only looked up, never initialised: their static initialisers build AWS clients.
 *
 * @param appName        {@code -Astreamer.app}
 * @param routeTable     fully qualified name of the generated route table
 * @param actions        the application's actions, in route-table order
 * @param builtinActions the runtime's built-in actions ({@code status}, {@code subscribe}, {@code cancel})
 * @param handlers       fully qualified handler class name per handler kind
 */
public record DeployedApp(
    String appName, String routeTable, List<String> actions, List<String> builtinActions,
    Map<HandlerKind, String> handlers) {

  /** The runtime adds these to every application ({@code BuiltinRoutes}). */
  public static final List<String> BUILTIN_ACTIONS =
      BuiltinAction.names();

  public DeployedApp {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(routeTable, "routeTable");
    actions = List.copyOf(actions);
    builtinActions = List.copyOf(builtinActions);
    handlers = Map.copyOf(handlers);
    if (handlers.size() != HandlerKind.values().length) {
      throw new IllegalArgumentException("one handler class per kind is required: " + handlers.keySet());
    }
  }

  /**
   * Loads the generated route table {@code routeTableClass} from {@code loader}, creates it with its static
   * {@code create()} (generated code: plain constructors, no AWS calls) and checks that every handler class exists.
   */
  public static DeployedApp load(String routeTableClass, ClassLoader loader) {
    RouteTable table = instantiate(routeTableClass, loader);
    String packageName = packageOf(routeTableClass);
    Map<HandlerKind, String> handlers = new EnumMap<>(HandlerKind.class);
    for (HandlerKind handler : HandlerKind.values()) {
      String name = qualified(packageName, handler.className(table.appName()));
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("generated handler " + name + " not found next to " + routeTableClass
            + " (was the application compiled with the Streamer processor?)", e);
      }
      handlers.put(handler, name);
    }
    List<String> actions = new ArrayList<>();
    for (Route<?, ?> route : table.routes()) {
      actions.add(route.action());
    }
    return new DeployedApp(table.appName(), routeTableClass, actions, BUILTIN_ACTIONS, handlers);
  }

  /** Fully qualified class name of {@code handler}. */
  public String handlerClass(HandlerKind handler) {
    return handlers.get(handler);
  }

  /** Simple class name of {@code handler}: {@code SampleDefaultHandler}. */
  public String handlerSimpleName(HandlerKind handler) {
    String name = handlers.get(handler);
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static RouteTable instantiate(String className, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(className, true, loader);
      if (!RouteTable.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(className + " is not a RouteTable");
      }
      Method create = type.getMethod("create");
      if (!Modifier.isStatic(create.getModifiers())) {
        throw new IllegalArgumentException(className + ".create() is not static");
      }
      return (RouteTable) create.invoke(null);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("route table class not found: " + className, e);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(className + " has no static create(): is it a generated route table?", e);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(className + ".create() is not accessible", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(className + ".create() failed", e.getCause());
    }
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  private static String qualified(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
