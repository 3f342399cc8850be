package dev.streamer.deploy.sam;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A SAM template read back by an independent YAML parser (SnakeYAML, safe constructor), with navigation helpers.
 * Shared with the sample app's tests through this module's test jar.
 */
public final class ParsedTemplate {

  private final Map<String, Object> root;

  private ParsedTemplate(Map<String, Object> root) {
    this.root = root;
  }

  public static ParsedTemplate parse(String yaml) {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    assertTrue(document instanceof Map, "the template is a YAML mapping");
    return new ParsedTemplate(cast(document));
  }

  public Map<String, Object> root() {
    return root;
  }

  public Map<String, Object> section(String name) {
    Object section = root.get(name);
    assertNotNull(section, "section " + name);
    return cast(section);
  }

  public Map<String, Object> resources() {
    return section("Resources");
  }

  public Map<String, Object> resource(String logicalId) {
    Object resource = resources().get(logicalId);
    assertNotNull(resource, "resource " + logicalId);
    return cast(resource);
  }

  public Map<String, Object> properties(String logicalId) {
    return cast(resource(logicalId).get("Properties"));
  }

  /** Logical ids of the resources of {@code type}, in template order. */
  public List<String> resourcesOfType(String type) {
    return resources().entrySet().stream()
        .filter(e -> type.equals(ParsedTemplate.<Map<String, Object>>cast(e.getValue()).get("Type")))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The environment a function gets: {@code Globals.Function.Environment} merged with its own. */
  public Map<String, Object> environment(String functionId) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Map<String, Object> globals = cast(section("Globals").get("Function"));
    merged.putAll(variables(globals));
    merged.putAll(variables(properties(functionId)));
    return merged;
  }

  private static Map<String, Object> variables(Map<String, Object> function) {
    Object environment = function.get("Environment");
    if (environment == null) {
      return Map.of();
    }
    return cast(ParsedTemplate.<Map<String, Object>>cast(environment).get("Variables"));
  }

  @SuppressWarnings("unchecked")
  public static <T> T cast(Object value) {
    return (T) value;
  }
}
