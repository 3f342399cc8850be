package dev.streamer.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintsTest {

  private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
  private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

  @AfterEach
  void restoreClock() {
    Constraints.useClock(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n\r", "\u2003", "\u2028", " \u000B\u001F "})
  void blankStrings(String s) {
    assertTrue(Constraints.isBlank(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", " a ", "\u00a0", "\uD83D\uDE00", "\u200B"})
  void nonBlankStrings(String s) {
    // U+00A0 (no-break space) and U+200B are not whitespace for Character.isWhitespace, nor for Hibernate
    assertFalse(Constraints.isBlank(s));
  }

  @Test
  void nullIsBlank() {
    assertTrue(Constraints.isBlank(null));
    assertTrue(Constraints.isBlank(new StringBuilder("  ")));
  }

  @Test
  void lengthCountsUtf16Units() {
    assertEquals(0, Constraints.length(null));
    assertEquals(3, Constraints.length("abc"));
    assertEquals(2, Constraints.length("\uD83D\uDE00"));
  }

  @Test
  void matchesTheWholeString() {
    Pattern digits = Pattern.compile("[0-9]+");
    assertTrue(Constraints.matches(digits, "123"));
    assertFalse(Constraints.matches(digits, "123a"));
    assertFalse(Constraints.matches(digits, "a123"));
    assertFalse(Constraints.matches(digits, ""));
    assertTrue(Constraints.matches(digits, null), "null is left to @NotNull");
  }

  @Test
  void longBoundComparisonsAgreeWithCompareTo() {
    long[] bounds = {Long.MIN_VALUE, -1_000_000_000_000L, -11, -1, 0, 1, 10, 11, 999_999_999_999_999_999L,
        Long.MAX_VALUE};
    String[] values = {"0", "-0", "1", "10", "11", "10.0", "9.99", "-11", "1E+1", "1E+18", "999999999999999999",
        "1000000000000000000", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
        "-9223372036854775809", "1E+30", "-1E+30", "0.5", "-0.5", "123456789012345678901234567890"};
    for (String text : values) {
      BigDecimal decimal = new BigDecimal(text);
      for (long bound : bounds) {
        assertEquals(Integer.signum(decimal.compareTo(BigDecimal.valueOf(bound))),
            Integer.signum(Constraints.compare(decimal, bound)), text + " vs " + bound);
        if (decimal.scale() <= 0) {
          BigInteger integer = decimal.toBigIntegerExact();
          assertEquals(Integer.signum(integer.compareTo(BigInteger.valueOf(bound))),
              Integer.signum(Constraints.compare(integer, bound)), text + " vs " + bound);
        }
      }
    }
  }

  @Test
  void comparesBigNumbersWithLongBounds() {
    assertEquals(0, Constraints.compare(new BigDecimal("10.00"), 10));
    assertEquals(1, Integer.signum(Constraints.compare(new BigDecimal("10.001"), 10)));
    assertEquals(-1, Integer.signum(Constraints.compare(new BigDecimal("-1E+30"), Long.MIN_VALUE)));
    assertEquals(1, Integer.signum(Constraints.compare(new BigInteger("9".repeat(40)), Long.MAX_VALUE)));
    assertEquals(0, Constraints.compare(BigInteger.valueOf(Long.MIN_VALUE), Long.MIN_VALUE));
    assertEquals(-1, Integer.signum(Constraints.compare(new BigDecimal("0.5"), "0.50001")));
    assertEquals(0, Constraints.compare(BigInteger.TWO, "2.0"));
  }

  @Test
  void signs() {
    assertEquals(1, Constraints.signum(new BigDecimal("0.0001")));
    assertEquals(0, Constraints.signum(new BigDecimal("0.000")));
    assertEquals(-1, Constraints.signum(BigInteger.valueOf(-3)));
  }

  @Test
  void pastAndFutureAreStrict() {
    assertTrue(Constraints.isPast(NOW.minusNanos(1), FIXED));
    assertFalse(Constraints.isPast(NOW, FIXED));
    assertFalse(Constraints.isFuture(NOW, FIXED));
    assertTrue(Constraints.isFuture(NOW.plusNanos(1), FIXED));
    assertTrue(Constraints.isPastOrPresent(NOW, FIXED));
    assertTrue(Constraints.isFutureOrPresent(NOW, FIXED));
    assertFalse(Constraints.isPastOrPresent(NOW.plusNanos(1), FIXED));
    assertFalse(Constraints.isFutureOrPresent(NOW.minusNanos(1), FIXED));
  }

  @Test
  void localDatesCompareWithTodayInTheClocksZone() {
    LocalDate today = LocalDate.of(2024, 6, 15);
    assertTrue(Constraints.isPast(today.minusDays(1), FIXED));
    assertFalse(Constraints.isPast(today, FIXED));
    assertFalse(Constraints.isFuture(today, FIXED));
    assertTrue(Constraints.isFuture(today.plusDays(1), FIXED));
    assertTrue(Constraints.isPastOrPresent(today, FIXED));
    assertTrue(Constraints.isFutureOrPresent(today, FIXED));
    // At 12:00 UTC it is already 16 June in Kiritimati (UTC+14).
    Clock kiritimati = FIXED.withZone(ZoneId.of("Pacific/Kiritimati"));
    assertTrue(Constraints.isPast(today, kiritimati));
  }

  /** The README promises "today in UTC", whatever the JVM's default zone (HV would use the default zone). */
  @Test
  void generatedValidatorsUseTheUtcClockByDefault() {
    assertEquals(ZoneOffset.UTC, Constraints.clock().getZone());
  }

  @Test
  void offsetDateTimesCompareAsInstants() {
    OffsetDateTime sameInstantElsewhere = NOW.atOffset(ZoneOffset.ofHours(-5));
    assertFalse(Constraints.isPast(sameInstantElsewhere, FIXED));
    assertFalse(Constraints.isFuture(sameInstantElsewhere, FIXED));
    assertTrue(Constraints.isPast(sameInstantElsewhere.minusSeconds(1), FIXED));
    assertTrue(Constraints.isFuture(sameInstantElsewhere.plusSeconds(1), FIXED));
    assertTrue(Constraints.isPastOrPresent(sameInstantElsewhere, FIXED));
    assertTrue(Constraints.isFutureOrPresent(sameInstantElsewhere, FIXED));
  }

  @Test
  void temporalChecksLeaveNullToNotNull() {
    assertTrue(Constraints.isPast((Instant) null, FIXED));
    assertTrue(Constraints.isFuture((LocalDate) null, FIXED));
    assertTrue(Constraints.isPastOrPresent((OffsetDateTime) null, FIXED));
  }

  @Test
  void clockDefaultsToSystemUtcAndCanBeFixedForTests() {
    assertEquals(ZoneOffset.UTC, Constraints.clock().getZone());
    Instant before = Instant.now();
    Instant fromClock = Constraints.clock().instant();
    assertFalse(fromClock.isBefore(before));

    Constraints.useClock(FIXED);
    assertSame(FIXED, Constraints.clock());
    assertTrue(Constraints.isPast(NOW.minusSeconds(1), Constraints.clock()));

    Constraints.useClock(null);
    assertEquals(ZoneOffset.UTC, Constraints.clock().getZone());
    assertTrue(Constraints.isPast(NOW, Constraints.clock()), "back on the system clock, 2024 is past");
  }

  @Test
  void messagesMatchHibernateDefaults() {
    assertEquals("must not be null", Constraints.MSG_NOT_NULL);
    assertEquals("must not be blank", Constraints.MSG_NOT_BLANK);
    assertEquals("must not be empty", Constraints.MSG_NOT_EMPTY);
    assertEquals("must be greater than 0", Constraints.MSG_POSITIVE);
    assertEquals("must be greater than or equal to 0", Constraints.MSG_POSITIVE_OR_ZERO);
    assertEquals("must be less than 0", Constraints.MSG_NEGATIVE);
    assertEquals("must be less than or equal to 0", Constraints.MSG_NEGATIVE_OR_ZERO);
    assertEquals("must be a well-formed email address", Constraints.MSG_EMAIL);
    assertEquals("must be a past date", Constraints.MSG_PAST);
    assertEquals("must be a future date", Constraints.MSG_FUTURE);
    assertEquals("must be greater than or equal to 1", Constraints.min(1));
    assertEquals("must be greater than or equal to -5", Constraints.min(-5));
    assertEquals("must be less than or equal to 10", Constraints.max(10));
    assertEquals("must be greater than 0.5", Constraints.decimalMin("0.5", false));
    assertEquals("must be less than or equal to 9.99", Constraints.decimalMax("9.99", true));
    assertEquals("must match \"[a-z]+\"", Constraints.pattern("[a-z]+"));
  }

  @Test
  void sizeMessagesLeaveOutOpenSides() {
    assertEquals("size must be between 1 and 10", Constraints.size(1, 10));
    assertEquals("size must be at least 1", Constraints.size(1, Integer.MAX_VALUE));
    assertEquals("size must be at most 10", Constraints.size(0, 10));
    assertEquals("size must be at least 0", Constraints.size(0, Integer.MAX_VALUE));
    assertEquals("size must be between 3 and 3", Constraints.size(3, 3));
  }

  @Test
  void validationExceptionCarriesItsViolations() {
    Violations out = new Violations();
    out.add("items[2].quantity", "Min", Constraints.min(1));
    out.add("email", "Email", Constraints.MSG_EMAIL);
    ValidationException e = new ValidationException(out.list());
    assertEquals("payload has 2 constraint violations", e.getMessage());
    assertEquals(List.of(new Violation("items[2].quantity", "Min", "must be greater than or equal to 1"),
        new Violation("email", "Email", "must be a well-formed email address")), e.violations());
    assertEquals(0, e.getStackTrace().length);
    assertThrows(UnsupportedOperationException.class, () -> e.violations().clear());

    List<Violation> one = new ArrayList<>(List.of(new Violation("", "NotNull", Constraints.MSG_NOT_NULL)));
    ValidationException single = new ValidationException(one);
    one.clear();
    assertEquals("payload has 1 constraint violation", single.getMessage());
    assertEquals(1, single.violations().size(), "a defensive copy");
  }
}
