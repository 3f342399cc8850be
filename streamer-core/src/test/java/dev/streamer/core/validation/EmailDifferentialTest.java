package dev.streamer.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-checked {@link EmailAddress} answers exactly as the regex-only implementation it replaced. */
class EmailDifferentialTest {

  @Property(tries = 20_000)
  void anyShortString(@ForAll @StringLength(max = 24)
      @Chars({'a', 'Z', '0', '9', '.', '@', '"', '\\', '-', '[', ']', ':', ' ', '!', '(', ',', '~', 'é', '\u3002',
          '\u00AD', 'I', 'P', 'v', '6', '%', '\ud83d', '\ude00'}) String s) {
    assertSame(s);
  }

  @Property(tries = 5_000)
  void structuredAddresses(@ForAll("addresses") String s) {
    assertSame(s);
  }

  @Provide
  Arbitrary<String> addresses() {
    Arbitrary<String> atom = Arbitraries.strings().withChars("aZ9!#-_+~'.").ofMinLength(0).ofMaxLength(70);
    Arbitrary<String> quoted = Arbitraries.strings().withChars("a .@\\\"(").ofMaxLength(10).map(q -> "\"" + q + "\"");
    Arbitrary<String> local = Arbitraries.oneOf(atom, quoted, Combinators.combine(atom, quoted)
        .as((a, q) -> a + "." + q));
    Arbitrary<String> label = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ab-9!").ofMinLength(0).ofMaxLength(66),
        Arbitraries.strings().withChars("aé-ü\u00AD").ofMinLength(0).ofMaxLength(70),
        Arbitraries.integers().between(60, 66).map("x"::repeat));
    Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
    Arbitrary<String> bigDomain = Arbitraries.integers().between(3, 6)
        .flatMap(n -> Arbitraries.integers().between(40, 64).map(len -> ("y".repeat(len) + ".").repeat(n) + "com"));
    return Combinators.combine(local, Arbitraries.oneOf(domain, bigDomain)).as((l, d) -> l + "@" + d);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@b", "\"\\\\\"@b", "\"\\\"\"@b", "\"\\a\"@b", "\"a\"\"b\"@c", "a.\"b\"@c", "\"a\".b@c",
      "\"a\"b@c", "a\"b\"@c", "a@b.-c", "a@b.c-", "a@b-c-d.e--f", "A@B.C", "a@[1.2.3.4", "a@[IPv6:]", "a@[IPv6:",
      "a@b\u3002c", "a@b\u3002", "é@b.c", "a@é.c", "a@xn--é.c", "a@\u00AD.c", "a@b\u00ADc.d", "@", "a@@b", "\"@\"@b",
      "a@b.c@d", "a@0.0", "a@_", "a@b..c", "a@.", ".@b", "\"\"@b", "\" \"@b"})
  void cornerCases(String s) {
    assertSame(s);
  }

  @Test
  void lengthBoundaries() {
    for (int n = 60; n <= 66; n++) {
      assertSame("x".repeat(n) + "@b.c");
      assertSame("a@" + "x".repeat(n) + ".c");
      assertSame("a@" + "é".repeat(n) + ".c");
      assertSame("a@" + "\u00AD".repeat(200) + "x".repeat(n) + ".c");
    }
    for (int n = 250; n <= 258; n++) {
      String domain = ("x".repeat(61) + ".").repeat(4); // 248 characters
      assertSame("a@" + domain + "y".repeat(n - domain.length()));
    }
  }

  @Test
  void pathologicalInternationalNamesFinishFast() {
    StringBuilder distinct = new StringBuilder();
    for (char c = '\u4e00'; distinct.length() < 40_000; c++) {
      distinct.append(c);
    }
    String marks = "a" + "\u0301\u0316\u0300\u0317".repeat(10_000);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      assertFalse(Constraints.isEmail("a@" + distinct + ".com"));
      assertFalse(Constraints.isEmail("a@" + marks + ".com"));
      assertFalse(Constraints.isEmail("a@" + "é.".repeat(20_000) + "com"));
    });
    assertTrue(Constraints.isEmail("a@" + "\u00AD".repeat(40_000) + "b.com"), "soft hyphens map to nothing");
  }

  private static void assertSame(String s) {
    assertEquals(RegexEmailAddress.isValid(s), EmailAddress.isValid(s), s);
  }
}
