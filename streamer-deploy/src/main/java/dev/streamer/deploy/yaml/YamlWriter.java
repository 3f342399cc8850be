package dev.streamer.deploy.yaml;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a tree of {@link Map} (in iteration order), {@link List}, {@link String}, {@link Number} and
 * {@link Boolean} as block-style YAML. Deterministic: the same tree always gives the same text, which is what a
 * golden-file test needs. Strings are written plain only when YAML cannot read them as anything else; otherwise
 * double-quoted with JSON escapes (valid YAML).
 */
public final class YamlWriter {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_./@-]*(::[A-Za-z0-9_./@-]+)*");
  private static final Set<String> RESERVED = Set.of(
      "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");
  private static final String INDENT = "  ";

  private YamlWriter() {}

  /** The document for {@code root}, ending with a newline. */
  public static String write(Map<String, ?> root) {
    StringBuilder out = new StringBuilder();
    writeMap(out, root, 0);
    return out.toString();
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, int depth) {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(INDENT.repeat(depth)).append(scalar(String.valueOf(entry.getKey()))).append(':');
      writeValueAfterKey(out, entry.getValue(), depth);
    }
  }

  private static void writeValueAfterKey(StringBuilder out, Object value, int depth) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('\n');
      writeMap(out, map, depth + 1);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      writeList(out, list, depth + 1);
    } else {
      out.append(' ').append(inline(value)).append('\n');
    }
  }

  private static void writeList(StringBuilder out, List<?> list, int depth) {
    for (Object item : list) {
      out.append(INDENT.repeat(depth)).append("- ");
      if (item instanceof Map<?, ?> map && !map.isEmpty()) {
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!first) {
            out.append(INDENT.repeat(depth + 1));
          }
          first = false;
          out.append(scalar(String.valueOf(entry.getKey()))).append(':');
          writeValueAfterKey(out, entry.getValue(), depth + 1);
        }
      } else if (item instanceof List<?> nested && !nested.isEmpty()) {
        out.append('\n');
        writeList(out, nested, depth + 1);
      } else {
        out.append(inline(item)).append('\n');
      }
    }
  }

  private static String inline(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    if (value instanceof String text) {
      return scalar(text);
    }
    throw new IllegalArgumentException("not a YAML value: " + value.getClass().getName());
  }

  /** {@code text} plain when unambiguous, else double-quoted. */
  static String scalar(String text) {
    if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
