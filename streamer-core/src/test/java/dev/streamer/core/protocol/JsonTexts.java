package dev.streamer.core.protocol;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of JSON text for property tests: valid values with varied whitespace, and JSON-like noise. */
public final class JsonTexts {

  private JsonTexts() {}

  public static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /** Valid JSON values nested up to {@code depth} levels, written with assorted whitespace and number styles. */
  public static Arbitrary<String> values(int depth) {
    Arbitrary<String> scalars = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(JsonTexts::quote),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf), // Double.toString of a finite double is valid JSON
        Arbitraries.of("true", "false", "null", "-0", "1.50", "1e+5", "-2.5E-3", "0.0", "\"\\u00e9\\n\\\"\""));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> inner = values(depth - 1);
    Arbitrary<String> ws = Arbitraries.of("", " ", "\n", "\t ", "\r\n  ");
    Arbitrary<String> arrays = Combinators.combine(inner.list().ofMaxSize(4), ws, ws)
        .as((items, a, b) -> "[" + a + String.join(b + "," + a, items) + b + "]");
    Arbitrary<String> members = Combinators.combine(Arbitraries.strings().ofMaxLength(6), ws, inner)
        .as((key, a, value) -> quote(key) + a + ":" + a + value);
    Arbitrary<String> objects = Combinators.combine(members.list().ofMaxSize(4), ws)
        .as((items, a) -> "{" + a + String.join("," + a, items) + a + "}");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(2, arrays), net.jqwik.api.Tuple.of(2, objects));
  }

  /** Strings from the characters JSON is made of, so that random text often gets deep into the parser. */
  public static Arbitrary<String> jsonLikeNoise() {
    return Arbitraries.strings()
        .withChars("{}[]\",:\\ 0123456789.eE+-truefalsnlidacp\u00e9\ud83d\ude00\u0000")
        .ofMaxLength(80);
  }

  /** A valid message with one random edit: a character deleted, replaced or inserted, or the text cut short. */
  public static Arbitrary<String> mutated(Arbitrary<String> messages) {
    Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', '1', 'x', ' ', '\u0000');
    return Combinators.combine(messages, Arbitraries.integers().between(0, 10_000), chars,
        Arbitraries.integers().between(0, 3)).as((message, at, c, kind) -> {
          int i = at % (message.length() + 1);
          return switch (kind) {
            case 0 -> message.substring(0, i);
            case 1 -> message.substring(0, i) + c + message.substring(i);
            case 2 -> i < message.length() ? message.substring(0, i) + message.substring(i + 1) : message;
            default -> i < message.length() ? message.substring(0, i) + c + message.substring(i + 1) : message;
          };
        });
  }
}
