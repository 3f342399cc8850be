package dev.streamer.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.streamer.core.app.AppManifest;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where an application's generated Lambda handler classes are, as the processor's application manifest
 * ({@link AppManifest}, {@code META-INF/streamer/<app>-manifest.json}) lists them; reading it runs no application
 * code. Each handler is created on the stack's {@link AwsRuntime} through its {@code (AwsRuntime)} constructor.
 */
public final class AppHandlers {

  private static final String ROUTE_TABLE_SUFFIX = "RouteTable";

  private final AppManifest manifest;
  private final ClassLoader loader;

  private AppHandlers(AppManifest manifest, ClassLoader loader) {
    this.manifest = manifest;
    this.loader = loader;
  }

  /**
   * The handlers of the application whose generated route table is {@code routeTable}, from the manifest of its
   * application (named by the table's {@code APP_NAME} constant, else by the class name) on the table's class path.
   *
   * @throws IllegalArgumentException when {@code routeTable} is not named like a generated table, or the manifest of
   *                                  its application names another table
   * @throws IllegalStateException    when there is no such manifest, or it lists no Lambda handlers
   */
  public static AppHandlers of(Class<? extends RouteTable> routeTable) {
    Objects.requireNonNull(routeTable, "routeTable");
    String appName = appNameOf(routeTable);
    ClassLoader loader = routeTable.getClassLoader();
    AppManifest manifest = AppManifest.find(loader, appName).orElseThrow(() -> new IllegalStateException(
        "no manifest of application " + appName + " (" + AppManifest.path(appName) + ") on the class path of "
            + routeTable.getName() + ": is the Streamer processor on the annotation processor path with"
            + " -Astreamer.app=" + appName + "?"));
    if (!manifest.routeTable().equals(routeTable.getName())) {
      throw new IllegalArgumentException("the manifest of application " + appName + " names route table "
          + manifest.routeTable() + ", not " + routeTable.getName());
    }
    return of(manifest, loader);
  }

  /** The handlers {@code manifest} lists, loaded by {@code loader}. */
  public static AppHandlers of(AppManifest manifest, ClassLoader loader) {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(loader, "loader");
    if (manifest.functions().isEmpty()) {
      throw new IllegalStateException("the processor generated no Lambda handlers for application "
          + manifest.appName() + ": put com.amazonaws:aws-lambda-java-events on its compile class path (and give"
          + " its handlers a default instance or a @HandlerFactory)");
    }
    return new AppHandlers(manifest, loader);
  }

  public String appName() {
    return manifest.appName();
  }

  public String packageName() {
    return manifest.packageName();
  }

  /** The manifest the handlers were found in. */
  public AppManifest manifest() {
    return manifest;
  }

  /** Fully qualified name of the generated class of {@code kind}: {@code com.acme.QuotesDefaultHandler}. */
  public String className(HandlerKind kind) {
    return manifest.function(kind).orElseThrow(() -> new IllegalStateException(
        "the manifest of application " + manifest.appName() + " lists no " + kind + " handler"));
  }

  /**
   * Sets the handler factories of {@code stack} (five, and the worker when the app has an isolated action); each
   * creates its generated handler on the stack's runtime.
   */
  public LocalStack.Builder wire(LocalStack.Builder stack) {
    stack
        .connect(factory(HandlerKind.CONNECT))
        .message(factory(HandlerKind.DEFAULT))
        .disconnect(factory(HandlerKind.DISCONNECT))
        .processor(factory(HandlerKind.STREAM_PROCESSOR))
        .sweeper(factory(HandlerKind.SWEEPER));
    if (manifest.function(HandlerKind.WORKER).isPresent()) {
      stack.worker(factory(HandlerKind.WORKER));
    }
    return stack;
  }

  /** Checks now that every handler class exists, so that a wrong table fails before a stack starts. */
  public AppHandlers verify() {
    for (HandlerKind kind : HandlerKind.values()) {
      if (kind.required() || manifest.function(kind).isPresent()) {
        constructor(kind);
      }
    }
    return this;
  }

  @SuppressWarnings("unchecked") // checked against RequestHandler in constructor(); its type arguments are the kind's
  private <I, O> Function<AwsRuntime, RequestHandler<I, O>> factory(HandlerKind kind) {
    return runtime -> {
      Constructor<?> constructor = constructor(kind);
      try {
        return (RequestHandler<I, O>) constructor.newInstance(runtime);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("creating " + constructor.getDeclaringClass().getName() + " failed",
            e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName(), e);
      }
    };
  }

  private Constructor<?> constructor(HandlerKind kind) {
    String name = className(kind);
    Class<?> type;
    try {
      type = Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated handler " + name + " of application " + manifest.appName()
          + " on the class path, though its manifest lists it: recompile the application", e);
    }
    if (!RequestHandler.class.isAssignableFrom(type)) {
      throw new IllegalStateException(name + " is not a Lambda RequestHandler");
    }
    try {
      return type.getConstructor(AwsRuntime.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(name + " has no public (AwsRuntime) constructor: it was generated by another"
          + " Streamer version; recompile the application", e);
    }
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
