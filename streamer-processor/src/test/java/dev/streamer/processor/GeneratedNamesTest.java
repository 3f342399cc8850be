package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import dev.streamer.core.Progress;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.routing.Route;
import dev.streamer.core.routing.RouteTable;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated code compiles and works whatever users name things: for every simple name the generated code refers to
 * (collected from what the processor generates for the shop input, so a new helper type is covered automatically),
 * a record component, a payload record, an enum and a handler class of that name; plus components and handlers
 * named like the first segment of a package ({@code java}, {@code com}, ...), which would hide qualified names.
 */
class GeneratedNamesTest {

  private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*\\b");
  private static final List<String> PACKAGE_ROOTS = List.of("java", "javax", "com", "dev", "org", "jakarta");
  private static final String C = "dev.streamer.annotations.";

  /** Simple type names in the generated sources of the shop input (comments and strings removed). */
  static Set<String> namesInGeneratedCode() {
    Compilation shop = Compilations.compile(Compilations.inputs("shop"), "-Astreamer.app=Shop");
    assertThat(shop).succeeded();
    Set<String> names = new TreeSet<>();
    for (String source : Compilations.generatedSources(shop).values()) {
      String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "")
          .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
      Matcher m = TYPE_NAME.matcher(code);
      while (m.find()) {
        names.add(m.group());
      }
    }
    // names that would make the fixture's own generated classes collide (FooJson beside a record Foo)
    names.removeIf(n -> n.endsWith("Json") || n.endsWith("Validator") || n.endsWith("Route"));
    names.add("Names"); // the fixture's app name
    return names;
  }

  /** A component of the kind {@code i % 10}, named {@code name}; its JSON value breaks its constraint (but kind 6). */
  private static String component(int i, String name) {
    return switch (i % 10) {
      case 0 -> "java.util.@" + C + "Size(max = 1) List<java.lang.String> " + name;
      case 1 -> "java.lang.@" + C + "Pattern(regexp = \"[a-z]*\") String " + name;
      case 2 -> "@" + C + "Min(1) int " + name;
      case 3 -> "@" + C + "Valid Leaf0 " + name;
      case 4 -> "java.time.@" + C + "Past Instant " + name;
      case 5 -> "java.util.@" + C + "Valid Map<java.lang.String, names.Leaf0> " + name;
      case 6 -> "java.util.Optional<java.lang.String> " + name;
      case 7 -> "java.math.@" + C + "Positive BigDecimal " + name;
      case 8 -> "@" + C + "Valid Leaf0[] " + name;
      default -> "java.lang.@" + C + "Email String " + name;
    };
  }

  private static String badValue(int i) {
    return switch (i % 10) {
      case 0 -> "[\"a\",\"b\"]";
      case 1 -> "\"A\"";
      case 2 -> "0";
      case 3 -> "{\"n\":0}";
      case 4 -> "\"2999-01-01T00:00:00Z\"";
      case 5 -> "{\"k\":{\"n\":0}}";
      case 6 -> "\"fine\"";
      case 7 -> "-1";
      case 8 -> "[{\"n\":0}]";
      default -> "\"nope\"";
    };
  }

  @Test
  void everyNameTheGeneratedCodeUsesCanBeAUserName() throws Exception {
    Set<String> names = namesInGeneratedCode();
    assertTrue(names.containsAll(List.of("Constraints", "Path", "Violations", "JsonRead", "List", "Objects", "String",
        "IOException", "JsonToken", "Override", "Generated")), names.toString());
    List<String> componentNames = new ArrayList<>(names);
    componentNames.addAll(PACKAGE_ROOTS);

    List<JavaFileObject> sources = new ArrayList<>();
    StringBuilder components = new StringBuilder();
    StringBuilder json = new StringBuilder("{");
    Set<String> expectedPaths = new TreeSet<>();
    for (int i = 0; i < componentNames.size(); i++) {
      String name = componentNames.get(i);
      components.append(i == 0 ? "" : ",\n").append("    ").append(component(i, name));
      json.append(i == 0 ? "" : ",").append('"').append(name).append("\":").append(badValue(i));
      if (i % 10 != 6) {
        expectedPaths.add(name);
      }
    }
    json.append('}');
    sources.add(Compilations.source("names.Components",
        "package names;\npublic record Components(\n" + components + ") {}\n"));
    sources.add(Compilations.source("names.Leaf0",
        "package names;\npublic record Leaf0(@" + C + "Min(1) int n) {}\n"));
    StringBuilder handler = new StringBuilder("package names.handlers;\npublic class AllComponents {\n"
        + "  @" + C + "Action(name = \"components\")\n"
        + "  public names.Components components(names.Components c) { return c; }\n}\n");
    sources.add(Compilations.source("names.handlers.AllComponents", handler.toString()));

    List<String> typeNames = new ArrayList<>(names);
    for (String root : PACKAGE_ROOTS) {
      typeNames.add(Character.toUpperCase(root.charAt(0)) + root.substring(1)); // handler Java → accessor java()
    }
    for (int i = 0; i < typeNames.size(); i++) {
      String name = typeNames.get(i);
      sources.add(Compilations.source("names.kinds." + name,
          "package names.kinds;\npublic enum " + name + " { A, B }\n"));
      sources.add(Compilations.source("names." + name, "package names;\npublic record " + name
          + "(java.lang.@" + C + "NotBlank String text, names.kinds." + name + " kind) {}\n"));
      sources.add(Compilations.source("names.handlers." + name, "package names.handlers;\npublic class " + name
          + " {\n  @" + C + "Action(name = \"a" + i + "\")\n  public names." + name + " go(names." + name
          + " p) { return p; }\n}\n"));
    }

    Compilation c = Compilations.compile(sources, "-Astreamer.app=Names", "-Astreamer.package=names");
    assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = Compilations.classLoader(c);
    RouteTable table = (RouteTable) loader.loadClass("names.NamesRouteTable").getMethod("create").invoke(null);

    List<Violation> violations = validate(route(table, "components"), json.toString());
    Set<String> paths = new TreeSet<>();
    for (Violation v : violations) {
      paths.add(v.path().split("[.\\[]")[0]);
    }
    assertEquals(expectedPaths, paths);

    for (int i = 0; i < typeNames.size(); i++) {
      Route<Object, Object> route = route(table, "a" + i);
      String payload = "{\"text\":\" \",\"kind\":\"B\"}";
      assertEquals(List.of(new Violation("text", "NotBlank", "must not be blank")), validate(route, payload),
          typeNames.get(i));
      assertEquals("{\"text\":\" \",\"kind\":\"B\"}", write(route, route.invoke(decode(route, payload), null,
          Progress.none())), typeNames.get(i));
    }
  }

  @SuppressWarnings("unchecked")
  private static Route<Object, Object> route(RouteTable table, String action) {
    Route<?, ?> route = table.find(action);
    assertNotNull(route, action);
    return (Route<Object, Object>) route;
  }

  private static Object decode(Route<Object, Object> route, String json) throws Exception {
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      return route.decode(parser);
    }
  }

  private static List<Violation> validate(Route<Object, Object> route, String json) throws Exception {
    Violations out = new Violations();
    route.validate(decode(route, json), out);
    return out.list();
  }

  private static String write(Route<Object, Object> route, Object result) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      route.writeResult(result, g);
    }
    return out.toString();
  }
}
