package dev.streamer.samples.deploy;

import static dev.streamer.deploy.sam.ParsedTemplate.cast;

import dev.streamer.deploy.sam.ParsedTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a function's environment from the template the way CloudFormation would, for a local run: parameters
 * from given values or their defaults, table refs to local table names, conditions, {@code Fn::Sub}, and the
 * {@code {{resolve:secretsmanager|ssm:…}}} dynamic references from given stores.
 */
final class TemplateEnvironment {

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern DYNAMIC = Pattern.compile("\\{\\{resolve:(secretsmanager|ssm):([^:}]+)(?::SecretString)?}}");

  private final ParsedTemplate template;
  private final Map<String, String> parameters;
  private final Map<String, String> resourceNames;
  private final Map<String, String> secrets;
  private final Map<String, String> ssm;

  TemplateEnvironment(ParsedTemplate template, Map<String, String> parameters, Map<String, String> resourceNames,
      Map<String, String> secrets, Map<String, String> ssm) {
    this.template = template;
    this.parameters = parameters;
    this.resourceNames = resourceNames;
    this.secrets = secrets;
    this.ssm = ssm;
  }

  /** Every variable of {@code functionId}, resolved to text. */
  Map<String, String> of(String functionId) {
    Map<String, String> resolved = new LinkedHashMap<>();
    template.environment(functionId).forEach((name, value) -> resolved.put(name, text(value)));
    return resolved;
  }

  private String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Integer || value instanceof Boolean) {
      return value.toString();
    }
    Map<String, Object> function = cast(value);
    if (function.containsKey("Ref")) {
      return ref((String) function.get("Ref"));
    }
    if (function.containsKey("Fn::If")) {
      List<Object> args = cast(function.get("Fn::If"));
      boolean condition = condition(template.section("Conditions").get((String) args.get(0)));
      return text(condition ? args.get(1) : args.get(2));
    }
    if (function.containsKey("Fn::Sub")) {
      Matcher variables = SUB_VARIABLE.matcher((String) function.get("Fn::Sub"));
      String substituted = variables.replaceAll(m -> Matcher.quoteReplacement(ref(m.group(1))));
      Matcher dynamic = DYNAMIC.matcher(substituted);
      return dynamic.replaceAll(m -> Matcher.quoteReplacement(lookUp(m.group(1), m.group(2))));
    }
    throw new IllegalArgumentException("unsupported in an environment value: " + value);
  }

  private boolean condition(Object node) {
    Map<String, Object> function = cast(node);
    if (function.containsKey("Fn::Not")) {
      return !condition(ParsedTemplate.<List<Object>>cast(function.get("Fn::Not")).get(0));
    }
    if (function.containsKey("Fn::Equals")) {
      List<Object> args = cast(function.get("Fn::Equals"));
      return text(args.get(0)).equals(text(args.get(1)));
    }
    throw new IllegalArgumentException("unsupported condition: " + node);
  }

  private String ref(String name) {
    if (resourceNames.containsKey(name)) {
      return resourceNames.get(name);
    }
    if (parameters.containsKey(name)) {
      return parameters.get(name);
    }
    Map<String, Object> parameter = cast(template.section("Parameters").get(name));
    if (parameter == null) {
      throw new IllegalArgumentException("no value for " + name);
    }
    return String.valueOf(parameter.get("Default"));
  }

  private String lookUp(String store, String key) {
    String value = ("secretsmanager".equals(store) ? secrets : ssm).get(key);
    if (value == null) {
      throw new IllegalArgumentException("no " + store + " value " + key);
    }
    return value;
  }
}
