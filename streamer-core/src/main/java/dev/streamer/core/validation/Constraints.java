package dev.streamer.core.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * Static checks and default messages for generated validators.
 *
 * <p>As in Bean Validation, every check except {@link #isBlank} accepts {@code null}: absence is the business of
 * {@code @NotNull}. Messages match Hibernate Validator's English defaults and are safe to show to clients.
 */
public final class Constraints {

  public static final String MSG_NOT_NULL = "must not be null";
  public static final String MSG_NULL = "must be null";
  public static final String MSG_NOT_BLANK = "must not be blank";
  public static final String MSG_NOT_EMPTY = "must not be empty";
  public static final String MSG_POSITIVE = "must be greater than 0";
  public static final String MSG_POSITIVE_OR_ZERO = "must be greater than or equal to 0";
  public static final String MSG_NEGATIVE = "must be less than 0";
  public static final String MSG_NEGATIVE_OR_ZERO = "must be less than or equal to 0";
  public static final String MSG_EMAIL = "must be a well-formed email address";
  public static final String MSG_PAST = "must be a past date";
  public static final String MSG_PAST_OR_PRESENT = "must be a date in the past or in the present";
  public static final String MSG_FUTURE = "must be a future date";
  public static final String MSG_FUTURE_OR_PRESENT = "must be a date in the present or in the future";
  public static final String MSG_ASSERT_TRUE = "must be true";
  public static final String MSG_ASSERT_FALSE = "must be false";

  /** Regular-expression reads allowed to one match whatever its length (about a millisecond). */
  public static final long MATCH_READS_BASE = 200_000;

  /** Further reads allowed per character of the text: room for patterns that are quadratic on short texts. */
  public static final long MATCH_READS_PER_CHAR = 200;

  /** Regular-expression reads allowed to all the matches of one payload (some tens of milliseconds). */
  public static final long PAYLOAD_MATCH_READS = 5_000_000;

  /**
   * Per thread: reads left to the current payload ({@link #LEFT}) and how many payloads are open ({@link #OPEN}).
   * An array rather than a small class: a class would be one more to load on every cold start. Filled by hand:
   * {@code withInitial} would spin a lambda on every cold start.
   */
  private static final ThreadLocal<long[]> MATCH_BUDGET = new ThreadLocal<>();
  private static final int LEFT = 0;
  private static final int OPEN = 1;

  private static final Clock SYSTEM_UTC = Clock.systemUTC();

  /** Read on every temporal check, written only by tests: volatile so a test's clock is seen by every thread. */
  private static volatile Clock clock = SYSTEM_UTC;

  private Constraints() {}

  // ---------------------------------------------------------------- messages

  /** {@code "size must be between 1 and 10"}; an open side ({@code min <= 0}, {@code max == MAX_VALUE}) is left out. */
  public static String size(int min, int max) {
    boolean openMin = min <= 0;
    boolean openMax = max == Integer.MAX_VALUE;
    if (openMax) {
      return "size must be at least " + Math.max(min, 0);
    }
    if (openMin) {
      return "size must be at most " + max;
    }
    return "size must be between " + min + " and " + max;
  }

  public static String min(long bound) {
    return "must be greater than or equal to " + bound;
  }

  public static String max(long bound) {
    return "must be less than or equal to " + bound;
  }

  /** For {@code @DecimalMin(value, inclusive)}. */
  public static String decimalMin(String bound, boolean inclusive) {
    return (inclusive ? "must be greater than or equal to " : "must be greater than ") + bound;
  }

  /** For {@code @DecimalMax(value, inclusive)}. */
  public static String decimalMax(String bound, boolean inclusive) {
    return (inclusive ? "must be less than or equal to " : "must be less than ") + bound;
  }

  /** {@code must match "regexp"}. */
  public static String pattern(String regexp) {
    return "must match \"" + regexp + "\"";
  }

  // ---------------------------------------------------------------- text

  /** True when {@code s} is null, empty, or only whitespace ({@link Character#isWhitespace} per code point). */
  public static boolean isBlank(CharSequence s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      if (!Character.isWhitespace(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Length in UTF-16 units, as {@code @Size} counts it; 0 for null. */
  public static int length(CharSequence s) {
    return s == null ? 0 : s.length();
  }

  /**
   * Whole-string match with bounded cost; null is valid. The engine may read at most
   * {@value #MATCH_READS_BASE} + {@value #MATCH_READS_PER_CHAR} × length characters for this match, and at most
   * what is left of the budget of the current {@link #beginPayload payload}; past that the match fails, so a
   * pattern that backtracks catastrophically on some input ends in a violation instead of minutes of CPU. So does a
   * text long enough to overflow the stack of the engine, which recurses once per repetition of a group.
   */
  public static boolean matches(Pattern pattern, CharSequence s) {
    if (s == null) {
      return true;
    }
    long[] shared = budget();
    long budget = MATCH_READS_BASE + MATCH_READS_PER_CHAR * (long) s.length();
    if (shared[OPEN] > 0) {
      budget = Math.min(budget, shared[LEFT]);
    }
    BoundedChars chars = new BoundedChars(s, budget);
    try {
      return pattern.matcher(chars).matches();
    } catch (StackOverflowError e) { // the engine recurses per repetition: long texts
      return false;
    } catch (RuntimeException e) {
      // caught as its supertype: a catch clause naming Exhausted would load it whenever Constraints is verified
      if (e instanceof BoundedChars.Exhausted) {
        return false;
      }
      throw e;
    } finally {
      shared[LEFT] -= chars.used();
    }
  }

  /**
   * Starts one budget of {@value #PAYLOAD_MATCH_READS} regular-expression reads shared by every {@link #matches} on
   * this thread until the matching {@link #endPayload()}, so that a payload of many strings is bounded as a whole.
   * Calls nest; the outermost one sets the budget. Allocates nothing once the thread has used it.
   */
  public static void beginPayload() {
    long[] budget = budget();
    if (budget[OPEN]++ == 0) {
      budget[LEFT] = PAYLOAD_MATCH_READS;
    }
  }

  /** Ends what {@link #beginPayload()} started; call it in a {@code finally}. */
  public static void endPayload() {
    budget()[OPEN]--;
  }

  private static long[] budget() {
    long[] budget = MATCH_BUDGET.get();
    if (budget == null) {
      budget = new long[2];
      MATCH_BUDGET.set(budget);
    }
    return budget;
  }

  /**
   * A pragmatic email check with Hibernate Validator's {@code @Email} rules (see {@link EmailAddress}); null and
   * the empty string are valid, as there. Linear in the length, whatever the input.
   */
  public static boolean isEmail(CharSequence s) {
    return s == null || EmailAddress.isValid(s.toString());
  }

  // ---------------------------------------------------------------- numbers

  /** As {@code v.compareTo(BigDecimal.valueOf(bound))}, without allocating for an integral {@code v} that fits a long. */
  public static int compare(BigDecimal v, long bound) {
    if (v.scale() == 0 && v.precision() <= 18) {
      return Long.compare(v.longValue(), bound);
    }
    return v.compareTo(BigDecimal.valueOf(bound));
  }

  /** As {@code v.compareTo(BigInteger.valueOf(bound))}, without allocating. */
  public static int compare(BigInteger v, long bound) {
    if (v.bitLength() <= 63) {
      return Long.compare(v.longValue(), bound);
    }
    return v.signum();
  }

  /** Compares with a {@code @DecimalMin}/{@code @DecimalMax} bound given as text. */
  public static int compare(BigDecimal v, String bound) {
    return v.compareTo(new BigDecimal(bound));
  }

  public static int compare(BigInteger v, String bound) {
    return new BigDecimal(v).compareTo(new BigDecimal(bound));
  }

  public static int signum(BigDecimal v) {
    return v.signum();
  }

  public static int signum(BigInteger v) {
    return v.signum();
  }

  // ---------------------------------------------------------------- time

  /** The clock of generated validators: system UTC unless a test installed another with {@link #useClock}. */
  public static Clock clock() {
    return clock;
  }

  /**
   * Test hook: makes {@link #clock()} return {@code testClock} for every thread ({@code null} restores the
   * system UTC clock). Tests that use it must restore it and not run in parallel with other temporal tests.
   */
  public static void useClock(Clock testClock) {
    clock = testClock == null ? SYSTEM_UTC : testClock;
  }

  public static boolean isPast(Instant v, Clock clock) {
    return v == null || v.isBefore(clock.instant());
  }

  public static boolean isPast(LocalDate v, Clock clock) {
    return v == null || v.isBefore(LocalDate.now(clock));
  }

  public static boolean isPast(OffsetDateTime v, Clock clock) {
    return v == null || v.toInstant().isBefore(clock.instant());
  }

  public static boolean isFuture(Instant v, Clock clock) {
    return v == null || v.isAfter(clock.instant());
  }

  public static boolean isFuture(LocalDate v, Clock clock) {
    return v == null || v.isAfter(LocalDate.now(clock));
  }

  public static boolean isFuture(OffsetDateTime v, Clock clock) {
    return v == null || v.toInstant().isAfter(clock.instant());
  }

  public static boolean isPastOrPresent(Instant v, Clock clock) {
    return v == null || !v.isAfter(clock.instant());
  }

  public static boolean isPastOrPresent(LocalDate v, Clock clock) {
    return v == null || !v.isAfter(LocalDate.now(clock));
  }

  public static boolean isPastOrPresent(OffsetDateTime v, Clock clock) {
    return v == null || !v.toInstant().isAfter(clock.instant());
  }

  public static boolean isFutureOrPresent(Instant v, Clock clock) {
    return v == null || !v.isBefore(clock.instant());
  }

  public static boolean isFutureOrPresent(LocalDate v, Clock clock) {
    return v == null || !v.isBefore(LocalDate.now(clock));
  }

  public static boolean isFutureOrPresent(OffsetDateTime v, Clock clock) {
    return v == null || !v.toInstant().isBefore(clock.instant());
  }
}
