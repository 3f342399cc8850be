package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code @Pattern}s the processor proves simple become generated loops: differential test of every such loop
 * against {@link Pattern#matches} on many generated inputs, and the patterns that must stay with java.util.regex.
 */
class PatternLoopTest {

  /** Each must compile to a loop. */
  static final List<String> SIMPLE = List.of("[A-Z]{2}", "^[a-z0-9_-]{3,16}$", "[A-Z]{3}-\\d{4,6}", "\\d+", "[0-9]*",
      "a?b+c{2,3}", "[a-c]*d[a-c]*", "x{0}y", "", "^$", "[\\-\\]\\\\]+", "\\s*\\w+", "[ab]{2,}c", "[é-ü]+", "a-b",
      "\\.\\$", "[a-z-]+", "[-a]", "ab{0,2}", "\\t\\n?", "[a-c]{1,3}[d-f]?[0-2]+", "b*a?c*x", "\\$$", "aé?ü{2}");

  /** A matching input for each of {@link #SIMPLE}; the test mutates them into near misses. */
  static final List<String> EXAMPLES = List.of("AB", "a_b-9", "XYZ-12345", "42", "", "bbbcc", "abdcc", "y", "", "",
      "-]\\", " \t_x9", "abbac", "éü", "a-b", ".$", "a-z", "-", "abb", "\t\n", "ab-e01", "bbcx", "$", "aéüü");

  /** Each must stay with java.util.regex: not a sequence of sets, or not provably deterministic. */
  static final List<String> NOT_SIMPLE = List.of("[a-z]*a", "(ab)+", "a|b", ".*", "[^a]", "a*?", "a++", "\\bx",
      "[a&&b]", "\\p{L}+", "a*a", "[a-c]?b?c", "\\d*0", "\\uD83D\\uDE00", "😀", "\\x41", "(?i)a", "[]a]");

  @Test
  void whatIsSimpleIsDecidedByTheProof() throws Exception {
    Compilation compilation = compile(NOT_SIMPLE);
    String source = Compilations.generatedSources(compilation).get("pat/PValidator.java");
    for (int k = 0; k < NOT_SIMPLE.size(); k++) {
      assertFalse(source.contains("p" + k + "Matches("), NOT_SIMPLE.get(k));
    }
    String simple = Compilations.generatedSources(compile(SIMPLE)).get("pat/PValidator.java");
    assertFalse(simple.contains("java.util.regex"), simple);
  }

  @Test
  void loopsAgreeWithPatternMatchesOnGeneratedInputs() throws Exception {
    differential(SIMPLE, 30_000);
  }

  @Test
  void regexFallbacksAgreeToo() throws Exception {
    differential(NOT_SIMPLE, 3_000);
  }

  @Test
  void costlyChecksAreSkippedWhenTheLengthIsWrong() throws Exception {
    // issue 10, case 7: one 3 KB string used to cost 24 s of CPU in the regex although @Size had failed
    String record = """
        package big;

        import jakarta.validation.constraints.*;

        public record Words(
            @Size(max = 64) @Pattern(regexp = "[a-z]*a[a-z]*a[a-z]*b") String words,
            @Size(min = 3, max = 254) @Email String email,
            @Pattern(regexp = "(a|aa)+c") String unbounded) {}
        """;
    String api = "package big;\n\npublic class Api {\n  @dev.streamer.annotations.Action public void w(Words w) {}\n}\n";
    Compilation compilation = Compilations.compile(List.of(Compilations.source("big.Words", record),
        Compilations.source("big.Api", api)), "-Astreamer.app=Big");
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader classes = Compilations.classLoader(compilation);
    Constructor<?> constructor = classes.loadClass("big.Words").getDeclaredConstructors()[0];
    @SuppressWarnings("unchecked")
    Validator<Object> validator = (Validator<Object>) classes.loadClass("big.WordsValidator").getField("INSTANCE")
        .get(null);
    Violations out = new Violations();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> validator
        .validate(constructor.newInstance("a".repeat(3000), "x".repeat(300) + "@b.c", "a".repeat(3000) + "!"),
            Path.ROOT, out));
    assertEquals(List.of(new Violation("words", "Size", "size must be at most 64"),
        new Violation("email", "Size", "size must be between 3 and 254"),
        new Violation("unbounded", "Pattern", "must match \"(a|aa)+c\"")), out.list());
  }

  private static void differential(List<String> regexps, int inputs) throws Exception {
    Compilation compilation = compile(regexps);
    ClassLoader classes = Compilations.classLoader(compilation);
    Class<?> record = classes.loadClass("pat.P");
    Constructor<?> constructor = record.getDeclaredConstructors()[0];
    @SuppressWarnings("unchecked")
    Validator<Object> validator = (Validator<Object>) classes.loadClass("pat.PValidator").getField("INSTANCE").get(null);
    List<Pattern> patterns = regexps.stream().map(Pattern::compile).toList();
    StringBuilder alphabet = new StringBuilder("aAbcdefxyzZ0129_-.$\\]é ü\t\n");
    for (String r : regexps) {
      alphabet.append(r.replaceAll("[\\uD800-\\uDFFF]", ""));
    }
    Random random = new Random(15);
    int[] matched = new int[regexps.size()];
    for (int n = 0; n < inputs; n++) {
      String input = regexps == SIMPLE && n % 2 == 0
          ? mutate(random, EXAMPLES.get(n / 2 % EXAMPLES.size()), alphabet.toString())
          : input(random, alphabet.toString(), regexps.get(n % regexps.size()));
      Object[] args = new Object[regexps.size()];
      Arrays.fill(args, input);
      Violations out = new Violations();
      validator.validate(constructor.newInstance(args), Path.ROOT, out);
      Set<String> failed = new HashSet<>();
      for (Violation v : out.list()) {
        failed.add(v.path());
      }
      for (int k = 0; k < patterns.size(); k++) {
        Pattern pattern = patterns.get(k);
        matched[k] += failed.contains("p" + k) ? 0 : 1;
        assertEquals(!pattern.matcher(input).matches(), failed.contains("p" + k),
            () -> "pattern " + pattern + " input " + escape(input));
      }
    }
    if (regexps == SIMPLE) {
      for (int k = 0; k < matched.length; k++) {
        assertTrue(matched[k] > 10, "too few matching inputs for " + regexps.get(k) + ": " + matched[k]);
      }
    }
  }

  /** {@code example} as is, or with one character inserted, deleted or replaced. */
  private static String mutate(Random random, String example, String alphabet) {
    StringBuilder sb = new StringBuilder(example
        .replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\"));
    int at = random.nextInt(sb.length() + 1);
    char c = alphabet.charAt(random.nextInt(alphabet.length()));
    switch (random.nextInt(4)) {
      case 1 -> sb.insert(at, c);
      case 2 -> {
        if (at < sb.length()) {
          sb.deleteCharAt(at);
        }
      }
      case 3 -> {
        if (at < sb.length()) {
          sb.setCharAt(at, c);
        }
      }
      default -> { }
    }
    return sb.toString();
  }

  /** Random text, or a mutation of a string built from the pattern's own characters. */
  private static String input(Random random, String alphabet, String regexp) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
    String source = random.nextBoolean() ? alphabet : regexp.isEmpty() ? "a" : regexp;
    for (int i = 0; i < length; i++) {
      sb.append(source.charAt(random.nextInt(source.length())));
    }
    if (random.nextInt(20) == 0) {
      sb.insert(random.nextInt(sb.length() + 1), "\uD83D\uDE00");
    }
    if (random.nextInt(40) == 0) {
      sb.append('\uD800');
    }
    return sb.toString();
  }

  private static Compilation compile(List<String> regexps) {
    List<String> components = new ArrayList<>();
    for (int k = 0; k < regexps.size(); k++) {
      components.add("@Pattern(regexp = \"" + regexps.get(k).replace("\\", "\\\\").replace("\"", "\\\"")
          .replace("\t", "\\t").replace("\n", "\\n") + "\") String p" + k);
    }
    String record = "package pat;\n\nimport jakarta.validation.constraints.Pattern;\n\npublic record P(\n    "
        + String.join(",\n    ", components) + ") {}\n";
    String api = "package pat;\n\npublic class Api {\n  @dev.streamer.annotations.Action public void p(P p) {}\n}\n";
    Compilation compilation = Compilations.compile(List.of(Compilations.source("pat.P", record),
        Compilations.source("pat.Api", api)), "-Astreamer.app=Pat");
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return sb.toString();
  }
}
