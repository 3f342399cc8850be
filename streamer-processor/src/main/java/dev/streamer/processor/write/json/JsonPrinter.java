package dev.streamer.processor.write.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@link JsonObject} tree as pretty JSON: two-space indentation, {@code "name": value}, one member or
 * element per line, empty objects and arrays as {@code {}} and {@code []}, and a final newline. Strings are escaped
 * as RFC 8259 requires (and non-ASCII is kept as is: the files are UTF-8).
 */
public final class JsonPrinter {

  private final StringBuilder out = new StringBuilder(4096);

  private JsonPrinter() {}

  public static String print(Object value) {
    JsonPrinter printer = new JsonPrinter();
    printer.value(value, 0);
    printer.out.append('\n');
    return printer.out.toString();
  }

  private void value(Object value, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof JsonObject object) {
      object(object.members(), depth);
    } else if (value instanceof List<?> list) {
      array(list, depth);
    } else if (value instanceof String text) {
      string(text);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  private void object(Map<String, Object> members, int depth) {
    if (members.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    Iterator<Map.Entry<String, Object>> it = members.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Object> member = it.next();
      newline(depth + 1);
      string(member.getKey());
      out.append(": ");
      value(member.getValue(), depth + 1);
      if (it.hasNext()) {
        out.append(',');
      }
    }
    newline(depth);
    out.append('}');
  }

  private void array(List<?> elements, int depth) {
    if (elements.isEmpty()) {
      out.append("[]");
      return;
    }
    out.append('[');
    for (int i = 0; i < elements.size(); i++) {
      newline(depth + 1);
      value(elements.get(i), depth + 1);
      if (i + 1 < elements.size()) {
        out.append(',');
      }
    }
    newline(depth);
    out.append(']');
  }

  private void newline(int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  /** A JSON string literal; also used for JavaScript source, where the same escapes are valid. */
  public static String quote(String text) {
    JsonPrinter printer = new JsonPrinter();
    printer.string(text);
    return printer.out.toString();
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          // control characters must be escaped; U+2028/2029 too, so the text is also a valid JavaScript literal
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
