package dev.streamer.deploy.app;

import dev.streamer.core.app.HandlerKind;
import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.app.AppManifest;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a deployment is generated from: the application's manifest (its name, actions and generated Lambda handler
 * classes), written by the processor into the class output. No application class is loaded or run.
 *
 * @param appName        {@code -Astreamer.app}
 * @param routeTable     fully qualified name of the generated route table
 * @param actions        the application's actions, in route-table order
 * @param builtinActions the runtime's built-in actions ({@code status}, {@code subscribe}, {@code cancel})
 * @param handlers       fully qualified handler class name per handler kind: every required kind, and the worker
 *                       ({@link HandlerKind#WORKER}) when an action is isolated
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
    handlers = Collections.unmodifiableMap(new EnumMap<>(handlers));
    for (HandlerKind kind : HandlerKind.values()) {
      if (kind.required() && !handlers.containsKey(kind)) {
        throw new IllegalArgumentException("one handler class per required kind is needed, " + kind
            + " is missing: " + handlers.keySet());
      }
    }
  }

  /**
   * The application described by {@code manifest}; {@link IllegalStateException} when the processor generated no
   * Lambda handler classes for it (the AWS Lambda libraries were not on its class path).
   */
  public static DeployedApp of(AppManifest manifest) {
    Map<HandlerKind, String> handlers = new EnumMap<>(HandlerKind.class);
    for (HandlerKind kind : HandlerKind.values()) {
      if (!kind.required()) {
        manifest.function(kind).ifPresent(name -> handlers.put(kind, name));
        continue;
      }
      handlers.put(kind, manifest.function(kind).orElseThrow(() -> new IllegalStateException(
          "application " + manifest.appName() + " has no generated " + kind.className(manifest.appName())
              + " (compile it with aws-lambda-java-core and aws-lambda-java-events on the class path)")));
    }
    List<String> actions = manifest.actions().stream().map(AppManifest.Action::name).toList();
    return new DeployedApp(manifest.appName(), manifest.routeTable(), actions, BUILTIN_ACTIONS, handlers);
  }

  /**
   * Reads the manifest the processor wrote ({@link AppManifest}) from {@code loader}'s class path: of application
   * {@code appName}, or the only one when {@code appName} is null. Loads no application class and runs no user
   * code.
   */
  public static DeployedApp find(ClassLoader loader, String appName) {
    AppManifest manifest = appName == null ? AppManifest.only(loader)
        : AppManifest.find(loader, appName).orElseThrow(() -> new IllegalArgumentException(
            "no manifest of application " + appName + " (" + AppManifest.path(appName) + ") on the class path"));
    return of(manifest);
  }

  /** Whether the application has the function of {@code handler} (every required kind; the worker when needed). */
  public boolean has(HandlerKind handler) {
    return handlers.containsKey(handler);
  }

  /** The application's functions, in {@link HandlerKind} order. */
  public List<HandlerKind> functions() {
    return List.copyOf(handlers.keySet());
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
}
