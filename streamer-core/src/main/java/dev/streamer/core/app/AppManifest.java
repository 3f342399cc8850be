package dev.streamer.core.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.streamer.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the processor knows about a compiled application, written into the class output as
 * {@code META-INF/streamer/<app>-manifest.json} ({@code <app>} in lower case) and listed in {@link #INDEX}. Tools
 * (the SAM template generator, the local stack, the test kit) read it instead of loading or instantiating the
 * application's classes: reading a manifest runs no user code.
 *
 * <p>Format (version {@value #FORMAT_VERSION}; readers ignore fields they do not know):
 * <pre>{@code
 * {"format": 1, "app": "Sample", "package": "dev.streamer.samples",
 *  "routeTable": "dev.streamer.samples.SampleRouteTable", "handlers": "dev.streamer.samples.SampleHandlers",
 *  "factory": null,
 *  "actions": [{"name": "echo", "payload": "dev.streamer.samples.EchoRequest", "result": "java.lang.String",
 *               "async": false, "estimatedMillis": -1, "queueWhen": false, "isolated": false}],
 *  "functions": {"CONNECT": "dev.streamer.samples.SampleConnectHandler", ...}}
 * }</pre>
 *
 * @param appName     {@code -Astreamer.app}
 * @param packageName package of the generated application types
 * @param routeTable  fully qualified name of {@code <App>RouteTable}
 * @param handlers    fully qualified name of {@code <App>Handlers}
 * @param factory     fully qualified name of the {@code @HandlerFactory} class, or null
 * @param actions     the application's actions (built-ins excluded), sorted by name
 * @param functions   generated Lambda handler class per kind; empty when none were generated (no Lambda libraries
 *                    on the class path, or handlers without a default instance and no factory)
 */
public record AppManifest(
    String appName, String packageName, String routeTable, String handlers, String factory,
    List<Action> actions, Map<HandlerKind, String> functions) {

  /** Version of the format written by {@link #toJson()}. */
  public static final int FORMAT_VERSION = 1;
  /** Lists the class-path paths of the manifests next to it, one per line; one such file per jar or directory. */
  public static final String INDEX = "META-INF/streamer/manifests.list";

  /**
   * One {@code @Action}.
   *
   * @param name            action name on the wire
   * @param payloadType     payload type (canonical Java name), or null when the action takes none
   * @param resultType      result type as Java source ({@code void}, {@code java.util.List<com.example.Item>})
   * @param async           the compiled decision: estimated longer than the processor's async threshold
   * @param estimatedMillis {@code @Action(estimated)} in milliseconds, or -1
   * @param queueWhen       whether the payload decides per request ({@code @QueueWhen})
   * @param isolated        {@code @Action(isolated = true)}: each request runs in its own invocation of the worker
   *                        function ({@link HandlerKind#WORKER}); absent in older manifests, read as false
   */
  public record Action(String name, String payloadType, String resultType, boolean async, long estimatedMillis,
      boolean queueWhen, boolean isolated) {
    public Action {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(resultType, "resultType");
    }

    /** An action that is not isolated. */
    public Action(String name, String payloadType, String resultType, boolean async, long estimatedMillis,
        boolean queueWhen) {
      this(name, payloadType, resultType, async, estimatedMillis, queueWhen, false);
    }
  }

  public AppManifest {
    Objects.requireNonNull(appName, "appName");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(routeTable, "routeTable");
    Objects.requireNonNull(handlers, "handlers");
    actions = List.copyOf(actions);
    functions = Collections.unmodifiableMap(functions.isEmpty()
        ? new EnumMap<>(HandlerKind.class) : new EnumMap<>(functions));
  }

  /** Where the manifest of {@code appName} goes: {@code META-INF/streamer/<app-lowercase>-manifest.json}. */
  public static String path(String appName) {
    return "META-INF/streamer/" + appName.toLowerCase(Locale.ROOT) + "-manifest.json";
  }

  /** The generated Lambda handler class of {@code kind}, if generated. */
  public Optional<String> function(HandlerKind kind) {
    return Optional.ofNullable(functions.get(kind));
  }

  /** The action named {@code name}, if any. */
  public Optional<Action> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /**
   * Every manifest that {@code loader} sees, through each {@link #INDEX} on its class path, in class-path order
   * (an app found twice is listed once). Throws {@link UncheckedIOException} when an indexed manifest cannot be read.
   */
  public static List<AppManifest> find(ClassLoader loader) {
    Set<String> paths = new LinkedHashSet<>();
    try {
      Enumeration<URL> indexes = loader.getResources(INDEX);
      while (indexes.hasMoreElements()) {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(indexes.nextElement().openStream(), StandardCharsets.UTF_8))) {
          in.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(paths::add);
        }
      }
      List<AppManifest> found = new ArrayList<>();
      for (String path : paths) {
        URL url = loader.getResource(path);
        if (url == null) {
          throw new IOException(INDEX + " lists " + path + ", which is not on the class path");
        }
        try (InputStream in = url.openStream()) {
          found.add(read(in));
        }
      }
      return List.copyOf(found);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest of application {@code appName} on {@code loader}'s class path, if there is one. */
  public static Optional<AppManifest> find(ClassLoader loader, String appName) {
    URL url = loader.getResource(path(appName));
    if (url == null) {
      return Optional.empty();
    }
    try (InputStream in = url.openStream()) {
      return Optional.of(read(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The only manifest on the class path; {@link IllegalStateException} when there is none or more than one. */
  public static AppManifest only(ClassLoader loader) {
    List<AppManifest> all = find(loader);
    if (all.size() != 1) {
      throw new IllegalStateException(all.isEmpty()
          ? "no Streamer application manifest (" + INDEX + ") on the class path: was it compiled with the processor?"
          : "several Streamer applications on the class path: " + all.stream().map(AppManifest::appName).toList());
    }
    return all.get(0);
  }

  /** Pretty-printed JSON, fields in a fixed order, ending with a newline. */
  public String toJson() {
    StringWriter out = new StringWriter();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
        .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try (JsonGenerator g = Json.FACTORY.createGenerator(out).setPrettyPrinter(pretty)) {
      g.writeStartObject();
      g.writeNumberField("format", FORMAT_VERSION);
      g.writeStringField("app", appName);
      g.writeStringField("package", packageName);
      g.writeStringField("routeTable", routeTable);
      g.writeStringField("handlers", handlers);
      g.writeStringField("factory", factory);
      g.writeArrayFieldStart("actions");
      for (Action a : actions) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        g.writeStringField("payload", a.payloadType());
        g.writeStringField("result", a.resultType());
        g.writeBooleanField("async", a.async());
        g.writeNumberField("estimatedMillis", a.estimatedMillis());
        g.writeBooleanField("queueWhen", a.queueWhen());
        g.writeBooleanField("isolated", a.isolated());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("functions");
      for (Map.Entry<HandlerKind, String> f : functions.entrySet()) {
        g.writeStringField(f.getKey().name(), f.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /** Reads {@link #toJson()}'s format; {@link IOException} naming what is missing or malformed. */
  public static AppManifest read(InputStream in) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(in)) {
      return read(p);
    }
  }

  public static AppManifest read(String json) throws IOException {
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      return read(p);
    }
  }

  private static AppManifest read(JsonParser p) throws IOException {
    expect(p, p.nextToken(), JsonToken.START_OBJECT, "manifest");
    String app = null;
    String pkg = null;
    String table = null;
    String handlers = null;
    String factory = null;
    int format = -1;
    List<Action> actions = new ArrayList<>();
    Map<HandlerKind, String> functions = new EnumMap<>(HandlerKind.class);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "format" -> format = p.getIntValue();
        case "app" -> app = p.getValueAsString();
        case "package" -> pkg = p.getValueAsString();
        case "routeTable" -> table = p.getValueAsString();
        case "handlers" -> handlers = p.getValueAsString();
        case "factory" -> factory = p.getValueAsString();
        case "actions" -> {
          expect(p, value, JsonToken.START_ARRAY, "actions");
          while (p.nextToken() == JsonToken.START_OBJECT) {
            actions.add(readAction(p));
          }
        }
        case "functions" -> {
          expect(p, value, JsonToken.START_OBJECT, "functions");
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String kind = p.currentName();
            p.nextToken();
            try {
              functions.put(HandlerKind.valueOf(kind), p.getValueAsString());
            } catch (IllegalArgumentException newerKind) {
              // a kind this runtime does not know: written by a newer processor, ignored
            }
          }
        }
        default -> p.skipChildren();
      }
    }
    if (format != FORMAT_VERSION) {
      throw new IOException("unsupported manifest format " + format + " (this version reads " + FORMAT_VERSION + ")");
    }
    if (app == null || pkg == null || table == null || handlers == null) {
      throw new IOException("manifest without app, package, routeTable or handlers");
    }
    return new AppManifest(app, pkg, table, handlers, factory, actions, functions);
  }

  private static Action readAction(JsonParser p) throws IOException {
    String name = null;
    String payload = null;
    String result = null;
    boolean async = false;
    long estimated = -1;
    boolean queueWhen = false;
    boolean isolated = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "name" -> name = p.getValueAsString();
        case "payload" -> payload = p.getValueAsString();
        case "result" -> result = p.getValueAsString();
        case "async" -> async = p.getValueAsBoolean();
        case "estimatedMillis" -> estimated = p.getValueAsLong(-1);
        case "queueWhen" -> queueWhen = p.getValueAsBoolean();
        case "isolated" -> isolated = p.getValueAsBoolean();
        default -> p.skipChildren();
      }
    }
    if (name == null || result == null) {
      throw new IOException("manifest action without name or result");
    }
    return new Action(name, payload, result, async, estimated, queueWhen, isolated);
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) throws IOException {
    if (actual != expected) {
      throw new IOException(what + ": expected " + expected + " but found " + actual + " at "
          + p.currentLocation().offsetDescription());
    }
  }
}
