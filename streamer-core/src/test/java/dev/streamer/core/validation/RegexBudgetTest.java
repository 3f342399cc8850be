package dev.streamer.core.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 10, case 7: a @Pattern that backtracks catastrophically ends in a violation, not in minutes of CPU. */
class RegexBudgetTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "[a-z]*a[a-z]*a[a-z]*b  ; a ; 3000",  // polynomial (the example): cubic
      "(a+)+b                 ; a ; 40",    // nested quantifiers: exponential
      "(a|aa)+c               ; a ; 60",    // overlapping alternation
      "(a|a)*b                ; a ; 40",
      "^(\\w+\\s?)*$          ; a ; 40",    // the classic: a word list ending with a symbol
      "(a*)*\\1b              ; a ; 40",    // backreference
      "(.*a){20}              ; a ; 3000",
  })
  void pathologicalPatternsEndQuickly(String regexp, String unit, int count) {
    Pattern pattern = Pattern.compile(regexp);
    String input = unit.repeat(count) + "!";
    assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertFalse(Constraints.matches(pattern, input)));
  }

  @Test
  void aPayloadOfManyPathologicalStringsIsBoundedAsAWhole() {
    Pattern pattern = Pattern.compile("(a|aa)+c");
    String input = "a".repeat(60) + "!";
    assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
      Constraints.beginPayload();
      try {
        for (int i = 0; i < 2_000; i++) {
          assertFalse(Constraints.matches(pattern, input));
        }
      } finally {
        Constraints.endPayload();
      }
    });
  }

  @Test
  void ordinaryMatchesAreUnaffected() {
    assertTrue(Constraints.matches(Pattern.compile("[a-z]*a[a-z]*a[a-z]*b"), "a".repeat(60) + "b"));
    assertTrue(Constraints.matches(Pattern.compile(".*x.*y"), "q".repeat(300) + "x" + "q".repeat(300) + "y"));
    assertTrue(Constraints.matches(Pattern.compile("(a+)+b"), "a".repeat(10_000) + "b"));
    assertFalse(Constraints.matches(Pattern.compile("[a-z]+"), "abc1"));
    assertTrue(Constraints.matches(Pattern.compile("x"), null));
  }
}
