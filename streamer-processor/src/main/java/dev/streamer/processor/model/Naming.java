package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Names of generated types and members, shared by the checker and the writers (see docs/ARCHITECTURE.md). */
public final class Naming {

  private Naming() {}

  /** {@code Order} → {@code OrderJson}; nested {@code Outer.Inner} → {@code Outer_InnerJson}, in the type's package. */
  public static ClassName codec(ClassName type) {
    return ClassName.get(type.packageName(), flat(type) + "Json");
  }

  /** {@code Order} → {@code OrderValidator}, in the record's package. */
  public static ClassName validator(ClassName type) {
    return ClassName.get(type.packageName(), flat(type) + "Validator");
  }

  /** {@code generate_report} → {@code GenerateReportRoute}, in the app package. */
  public static ClassName route(String packageName, String action) {
    return ClassName.get(packageName, pascal(action) + "Route");
  }

  /** {@code generate_report} → {@code GenerateReport}. */
  public static String pascal(String snake) {
    StringBuilder sb = new StringBuilder(snake.length());
    boolean upper = true;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }

  /** {@code generate_report} → {@code generateReport}: a field name for the route. */
  public static String camel(String snake) {
    String pascal = pascal(snake);
    String camel = pascal.isEmpty() ? "route" : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return SourceVersion.isKeyword(camel) ? camel + "Route" : camel;
  }

  /**
   * Method name to action name: {@code generateReport} → {@code generate_report}, {@code getHTTPStatus} →
   * {@code get_http_status}, {@code report2Go} → {@code report2_go}.
   */
  public static String snake(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    int n = camel.length();
    for (int i = 0; i < n; i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = camel.charAt(i - 1);
        boolean nextLower = i + 1 < n && Character.isLowerCase(camel.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
          sb.append('_');
        }
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** {@code Reports} → {@code reports}; nested {@code Outer.Inner} → {@code outerInner}; never a keyword. */
  public static String lowerCamel(ClassName type) {
    String joined = String.join("", type.simpleNames());
    String name = Character.toLowerCase(joined.charAt(0)) + joined.substring(1);
    return SourceVersion.isKeyword(name) ? name + "Handler" : name;
  }

  private static String flat(ClassName type) {
    return String.join("_", type.simpleNames());
  }
}
