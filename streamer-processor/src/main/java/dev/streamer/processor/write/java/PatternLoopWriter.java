package dev.streamer.processor.write.java;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes the matcher of a {@link SimpleRegex}: one static method that walks the input once, item by item, with no
 * {@code java.util.regex}, no allocation and no backtracking (linear in the input's length, whatever it holds).
 */
final class PatternLoopWriter {

  private PatternLoopWriter() {}

  /** {@code private static boolean <name>(CharSequence s)}: true when {@code s} matches {@code regexp} whole. */
  static MethodSpec method(String name, String regexp, SimpleRegex regex) {
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("int n = s.length()")
        .addStatement("int i = 0");
    if (!regex.items().isEmpty()) {
      code.addStatement("char c");
    }
    int k = 0;
    for (SimpleRegex.Item item : regex.items()) {
      k++;
      String set = set(item);
      if (item.min() == item.max()) {
        if (item.min() == 0) {
          continue;
        }
        if (item.min() == 1) {
          code.beginControlFlow("if (i >= n)")
              .addStatement("return false")
              .endControlFlow()
              .addStatement("c = s.charAt(i)")
              .beginControlFlow("if (!($L))", set)
              .addStatement("return false")
              .endControlFlow()
              .addStatement("i++");
        } else {
          code.beginControlFlow("if (n - i < $L)", item.min())
              .addStatement("return false")
              .endControlFlow()
              .beginControlFlow("for (int to$L = i + $L; i < to$L; i++)", k, item.min(), k)
              .addStatement("c = s.charAt(i)")
              .beginControlFlow("if (!($L))", set)
              .addStatement("return false")
              .endControlFlow()
              .endControlFlow();
        }
        continue;
      }
      String to = "n";
      if (item.min() > 0) {
        code.addStatement("int from$L = i", k);
      }
      if (item.max() != SimpleRegex.Item.UNBOUNDED) {
        code.addStatement("int to$L = n - i > $L ? i + $L : n", k, item.max(), item.max());
        to = "to" + k;
      }
      code.beginControlFlow("while (i < $L)", to)
          .addStatement("c = s.charAt(i)")
          .beginControlFlow("if (!($L))", set)
          .addStatement("break")
          .endControlFlow()
          .addStatement("i++")
          .endControlFlow();
      if (item.min() > 0) {
        code.beginControlFlow("if (i - from$L < $L)", k, item.min())
            .addStatement("return false")
            .endControlFlow();
      }
    }
    code.addStatement("return i == n");
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(CharSequence.class, "s")
        .addJavadoc("Whether {@code s} matches <code>$L</code> whole, as {@code Pattern.matches} would answer: the\n"
            + "pattern is a sequence of character sets, so one pass without backtracking decides.\n",
            javadocSafe(regexp))
        .addCode(code.build())
        .build();
  }

  /** A boolean expression over {@code c}: whether it is in the item's set. */
  private static String set(SimpleRegex.Item item) {
    List<String> terms = new ArrayList<>();
    for (char[] r : item.ranges()) {
      terms.add(r[0] == r[1] ? "c == " + literal(r[0])
          : item.ranges().size() == 1 ? "c >= " + literal(r[0]) + " && c <= " + literal(r[1])
          : "(c >= " + literal(r[0]) + " && c <= " + literal(r[1]) + ")");
    }
    return String.join(" || ", terms);
  }

  /** A char literal for printable ASCII, else a hex int (never a unicode escape, which javac reads too early). */
  private static String literal(char c) {
    if (c == '\'' || c == '\\') {
      return "'\\" + c + "'";
    }
    if (c >= 0x20 && c < 0x7F) {
      return "'" + c + "'";
    }
    return String.format("0x%04X", (int) c);
  }

  /** Javadoc must not end its comment early or hold unicode escapes: such characters are written as HTML codes. */
  private static String javadocSafe(String regexp) {
    StringBuilder sb = new StringBuilder();
    for (char c : regexp.toCharArray()) {
      if (c == '*' || c == '/' || c == '@' || c == '&' || c == '<' || c == '>' || c == '{' || c == '}' || c == '\\'
          || c == '$' || c < 0x20 || c > 0x7E) {
        sb.append("&#").append((int) c).append(';');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
