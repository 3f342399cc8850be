package dev.streamer.maven.run;

import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.app.AppManifest;
import dev.streamer.core.json.Json;
import dev.streamer.core.routing.ActionRoute;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.validation.Violations;
import dev.streamer.local.AppHandlers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One compilation of the application: a class loader over its class output directories (parent: the stack's class
 * path, so the runtime's classes are shared with the stack) and the handlers its manifest lists.
 */
final class LoadedApp {

  private static final AtomicInteger GENERATION = new AtomicInteger();

  final URLClassLoader loader;
  final AppManifest manifest;
  final AppHandlers handlers;

  private LoadedApp(URLClassLoader loader, AppManifest manifest, AppHandlers handlers) {
    this.loader = loader;
    this.manifest = manifest;
    this.handlers = handlers;
  }

  /**
   * Loads the application in {@code directories}: its manifest ({@code appName}, or the only one there; manifests
   * of dependencies are not considered) and its generated handler classes, checked to exist.
   */
  static LoadedApp load(List<Path> directories, ClassLoader stack, String appName) {
    URL[] urls = directories.stream().map(LoadedApp::url).toArray(URL[]::new);
    AppManifest manifest;
    try (URLClassLoader own = new URLClassLoader(urls, null)) {
      manifest = appName == null ? AppManifest.only(own) : AppManifest.find(own, appName).orElseThrow(() ->
          new IllegalStateException("no manifest of application " + appName + " (" + AppManifest.path(appName)
              + ") in " + directories));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    URLClassLoader loader = new URLClassLoader("streamer-app-" + GENERATION.incrementAndGet(), urls, stack);
    try {
      return new LoadedApp(loader, manifest, AppHandlers.of(manifest, loader).verify());
    } catch (RuntimeException | LinkageError e) {
      closeQuietly(loader);
      throw e;
    }
  }

  String lowerCaseName() {
    return manifest.appName().toLowerCase(Locale.ROOT);
  }

  /**
   * A request to show in the banner: an action of the application (synchronous ones first) with a payload that
   * passes its own validation, made from the minimal payload the processor wrote for it (empty strings and zeros
   * filled in when that helps); else the first action with that minimal payload, or {@code {}} when the route table
   * cannot be created here. Null when the application has no action.
   */
  String exampleRequest() {
    List<AppManifest.Action> actions = new ArrayList<>(manifest.actions());
    if (actions.isEmpty()) {
      return null;
    }
    actions.sort(Comparator.comparing(AppManifest.Action::async)); // stable: manifest order within each kind
    RouteTable table;
    try {
      table = routeTable();
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AppManifest.Action first = actions.get(0);
      return request(first.name(), first.payloadType() == null ? null : "{}");
    }
    String fallback = null;
    for (AppManifest.Action action : actions) {
      if (!(table.find(action.name()) instanceof ActionRoute<?, ?> route)) {
        continue;
      }
      String minimal = route.examplePayload();
      if (fallback == null) {
        fallback = request(action.name(), minimal);
      }
      if (minimal == null) {
        return request(action.name(), null);
      }
      for (String payload : List.of(minimal, filled(minimal))) {
        if (valid(route, payload)) {
          return request(action.name(), payload);
        }
      }
    }
    return fallback;
  }

  /** {@code ""} to {@code "hello"}, number {@code 0} to {@code 1}: what most {@code @NotBlank}/{@code @Min} ask. */
  static String filled(String minimal) {
    return minimal.replace("\"\"", "\"hello\"").replaceAll(":0([,}])", ":1$1");
  }

  private static <P> boolean valid(ActionRoute<P, ?> route, String payloadJson) {
    try (JsonParser parser = Json.FACTORY.createParser(payloadJson)) {
      parser.nextToken();
      Violations violations = new Violations();
      route.validate(route.decode(parser), violations);
      return violations.isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String request(String action, String payload) {
    return "{\"id\":\"1\",\"action\":\"" + action + "\"" + (payload == null ? "" : ",\"payload\":" + payload)
        + "}";
  }

  /** The generated route table, created as the generated handlers create it (through the factory, if any). */
  private RouteTable routeTable() throws ReflectiveOperationException {
    Class<?> table = Class.forName(manifest.routeTable(), true, loader);
    if (manifest.factory() == null) {
      return (RouteTable) table.getMethod("create").invoke(null);
    }
    Object handlers = Class.forName(manifest.factory(), true, loader).getConstructor().newInstance();
    return (RouteTable) table.getMethod("create", Class.forName(manifest.handlers(), false, loader))
        .invoke(null, handlers);
  }

  static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // directories only: nothing held open
    }
  }

  private static URL url(Path directory) {
    try {
      return directory.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(directory.toString(), e);
    }
  }
}
