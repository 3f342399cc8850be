package dev.streamer.samples.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Reads the top-level scalar fields of a message or result, and a nested object's, for assertions. */
final class Frames {

  private Frames() {}

  static Map<String, String> fields(String json) {
    return fields(json, null);
  }

  /** Scalars of the top level, or of the object under {@code nested} when not null. */
  static Map<String, String> fields(String json, String nested) {
    Map<String, String> fields = new HashMap<>();
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return fields;
      }
      read(p, nested, fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return fields;
  }

  private static void read(JsonParser p, String nested, Map<String, String> fields) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (nested != null && name.equals(nested) && value == JsonToken.START_OBJECT) {
        read(p, null, fields);
      } else if (value.isScalarValue()) {
        if (nested == null) {
          fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
        }
      } else {
        p.skipChildren();
      }
    }
  }
}
