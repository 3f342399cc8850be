package dev.streamer.processor.write.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object under construction for the generated documents: members keep their insertion order, so output is
 * deterministic when callers insert in a fixed order. Values are {@code JsonObject}, {@code List} (array),
 * {@code String}, {@code Long}/{@code Integer}, {@code Boolean} or {@code null}; {@link JsonPrinter} prints them.
 */
public final class JsonObject {

  private final Map<String, Object> members = new LinkedHashMap<>();

  public static JsonObject of() {
    return new JsonObject();
  }

  /** Adds or replaces a member (a replaced member keeps its position). */
  public JsonObject put(String name, Object value) {
    members.put(name, value);
    return this;
  }

  /** Adds the member only when {@code value} is not null and not an empty string. */
  public JsonObject putIfPresent(String name, String value) {
    if (value != null && !value.isEmpty()) {
      members.put(name, value);
    }
    return this;
  }

  public Object get(String name) {
    return members.get(name);
  }

  boolean has(String name) {
    return members.containsKey(name);
  }

  /** A {@code {"$ref": "<pointer>"}} object. */
  public static JsonObject ref(String pointer) {
    return of().put("$ref", pointer);
  }

  static List<Object> array(Object... values) {
    return List.of(values);
  }

  public Map<String, Object> members() {
    return Collections.unmodifiableMap(members);
  }
}
