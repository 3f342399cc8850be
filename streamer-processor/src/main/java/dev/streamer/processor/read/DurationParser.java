package dev.streamer.processor.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code @Action(estimated)} and the {@code streamer.asyncThreshold} option: one or more
 * {@code <digits><unit>} with units h, m, s, ms in that order, no whitespace, non-zero total
 * ({@code 250ms}, {@code 5s}, {@code 1h30m}, {@code 1m30s500ms}).
 */
public final class DurationParser {

  /** Longest duration AWS Lambda runs (15 minutes); longer estimates get a warning. */
  public static final long LAMBDA_LIMIT_MILLIS = 15 * 60_000L;

  private static final Pattern GRAMMAR =
      Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final long[] UNIT_MILLIS = {3_600_000L, 60_000L, 1_000L, 1L};

  private DurationParser() {}

  /** Milliseconds, or -1 when {@code text} is not a valid duration. */
  public static long parseMillis(String text) {
    if (text == null || text.isEmpty()) {
      return -1;
    }
    Matcher m = GRAMMAR.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    long total = 0;
    try {
      for (int group = 1; group <= 4; group++) {
        String digits = m.group(group);
        if (digits != null) {
          total = Math.addExact(total, Math.multiplyExact(Long.parseLong(digits), UNIT_MILLIS[group - 1]));
        }
      }
    } catch (ArithmeticException | NumberFormatException overflow) {
      return -1;
    }
    return total == 0 ? -1 : total;
  }
}
