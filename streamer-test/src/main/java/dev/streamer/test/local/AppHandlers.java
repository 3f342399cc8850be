package dev.streamer.test.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.local.LocalStack;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where an application's generated Lambda handler classes are: {@link HandlerKind#className} of the application
 * name in the package of its generated {@code <App>RouteTable}, the naming rule the processor generates them by.
 * The one place the test kit learns them, so that it can read the processor's application manifest instead once
 * there is one.
 */
public final class AppHandlers {

  private static final String ROUTE_TABLE_SUFFIX = "RouteTable";

  private final String appName;
  private final String packageName;
  private final ClassLoader loader;

  private AppHandlers(String appName, String packageName, ClassLoader loader) {
    this.appName = appName;
    this.packageName = packageName;
    this.loader = loader;
  }

  /**
   * The handlers of the application whose generated route table is {@code routeTable}; its name comes from the
   * table's {@code APP_NAME} constant, else from the class name.
   */
  public static AppHandlers of(Class<? extends RouteTable> routeTable) {
    Objects.requireNonNull(routeTable, "routeTable");
    String appName = appNameOf(routeTable);
    return new AppHandlers(appName, routeTable.getPackageName(), routeTable.getClassLoader());
  }

  public String appName() {
    return appName;
  }

  public String packageName() {
    return packageName;
  }

  /** Fully qualified name of the generated class of {@code kind}: {@code com.acme.QuotesDefaultHandler}. */
  public String className(HandlerKind kind) {
    String simple = kind.className(appName);
    return packageName.isEmpty() ? simple : packageName + "." + simple;
  }

  /** Sets the five handler factories of {@code stack}; each creates its generated handler when the stack asks. */
  public LocalStack.Builder wire(LocalStack.Builder stack) {
    return stack
        .connect(factory(HandlerKind.CONNECT))
        .message(factory(HandlerKind.DEFAULT))
        .disconnect(factory(HandlerKind.DISCONNECT))
        .processor(factory(HandlerKind.STREAM_PROCESSOR))
        .sweeper(factory(HandlerKind.SWEEPER));
  }

  /** Checks now that every handler class exists, so that a wrong table fails before a stack starts. */
  public AppHandlers verify() {
    for (HandlerKind kind : HandlerKind.values()) {
      load(kind);
    }
    return this;
  }

  @SuppressWarnings("unchecked") // checked against RequestHandler in load; its type arguments are the kind's
  private <I, O> Supplier<RequestHandler<I, O>> factory(HandlerKind kind) {
    return () -> {
      Class<?> type = load(kind);
      try {
        return (RequestHandler<I, O>) type.getConstructor().newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("creating " + type.getName() + " failed", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type.getName() + " has no public no-arg constructor", e);
      }
    };
  }

  private Class<?> load(HandlerKind kind) {
    String name = className(kind);
    Class<?> type;
    try {
      type = Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated handler " + name + " for application " + appName
          + ": is the Streamer processor on the annotation processor path with -Astreamer.app=" + appName + "?", e);
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new IllegalStateException(name + " is not a Lambda RequestHandler");
    }
    return type;
  }

  private static String appNameOf(Class<? extends RouteTable> routeTable) {
    try {
      Field field = routeTable.getField("APP_NAME");
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        return (String) field.get(null);
      }
    } catch (NoSuchFieldException | IllegalAccessException e) {
      // not a generated table of this version: fall back on the naming rule
    }
    String simple = routeTable.getSimpleName();
    if (!simple.endsWith(ROUTE_TABLE_SUFFIX) || simple.length() == ROUTE_TABLE_SUFFIX.length()) {
      throw new IllegalArgumentException(routeTable.getName() + " is not a generated <App>RouteTable");
    }
    return simple.substring(0, simple.length() - ROUTE_TABLE_SUFFIX.length());
  }
}
