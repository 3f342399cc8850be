package dev.streamer.deploy.sam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation values in their long (plain YAML) form: {@code Ref:}, {@code Fn::GetAtt:}, {@code Fn::Sub:} …
 * The short {@code !Ref} tags would need custom tag handling in every YAML reader.
 */
public final class Cfn {

  private Cfn() {}

  /** An ordered map from alternating keys and values; null values are left out. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }

  public static Map<String, Object> ref(String logicalId) {
    return map("Ref", logicalId);
  }

  public static Map<String, Object> getAtt(String logicalId, String attribute) {
    return map("Fn::GetAtt", List.of(logicalId, attribute));
  }

  public static Map<String, Object> sub(String template) {
    return map("Fn::Sub", template);
  }

  public static Map<String, Object> join(String delimiter, List<Object> parts) {
    return map("Fn::Join", List.of(delimiter, parts));
  }

  public static Map<String, Object> ifThen(String condition, Object whenTrue, Object whenFalse) {
    return map("Fn::If", List.of(condition, whenTrue, whenFalse));
  }

  public static Map<String, Object> notEmpty(String parameter) {
    return map("Fn::Not", List.of(map("Fn::Equals", List.of(ref(parameter), ""))));
  }

  /** The alias SAM publishes for a function with {@code AutoPublishAlias}: {@code Ref: <Function>.Alias}. */
  public static Map<String, Object> alias(String functionLogicalId) {
    return ref(functionLogicalId + ".Alias");
  }

  /** A resource: {@code Type}, then optional {@code DependsOn}, then {@code Properties}. */
  public static Map<String, Object> resource(String type, Map<String, Object> properties) {
    return map("Type", type, "Properties", properties);
  }
}
