package dev.streamer.processor.read;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom constraint messages, Bean Validation style: {@code {value}}, {@code {min}}, {@code {max}} and
 * {@code {regexp}} are replaced by the constraint's own attributes at compile time. Nothing is ever evaluated:
 * an expression {@code ${…}} and unknown names stay as written, and {@code \{} is a literal brace.
 */
final class MessageTemplates {

  /** A whole message that is a message-bundle key, such as {@code {jakarta.validation.constraints.Min.message}}. */
  private static final Pattern BUNDLE_KEY = Pattern.compile("\\{[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+}");
  private static final Pattern PARAMETER = Pattern.compile("(\\\\\\{|\\$\\{[^}]*}|\\{([A-Za-z]+)})");

  private MessageTemplates() {}

  /** Whether {@code message} is only a bundle key: Streamer then uses its default text. */
  static boolean isBundleKey(String message) {
    return BUNDLE_KEY.matcher(message).matches();
  }

  /** {@code message} with every known {@code {name}} replaced by {@code attributes.get(name)}. */
  static String interpolate(String message, Map<String, String> attributes) {
    Matcher m = PARAMETER.matcher(message);
    StringBuilder out = new StringBuilder(message.length());
    while (m.find()) {
      String name = m.group(2);
      String replacement;
      if (m.group(1).equals("\\{")) {
        replacement = "{";
      } else if (name != null && attributes.containsKey(name)) {
        replacement = attributes.get(name);
      } else {
        replacement = m.group(1); // ${expression} or an unknown name: kept as written
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
