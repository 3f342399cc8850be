package dev.streamer.core.limits;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request rate limit: at most {@code limit} requests per fixed {@code window}, written {@code <limit>/<window>}
 * ({@code 20/1m}, {@code 1000/1h}, {@code 5/10s}) in {@code @Action(rateLimit, tenantRateLimit)} and in the
 * {@code RATE_LIMITS} environment variable. One grammar, parsed here for the processor (at compile time, with a
 * diagnostic per {@link Problem}) and for the runtime overrides.
 *
 * <p>The window is one number and a unit ({@code s}, {@code m} or {@code h}), from 1 second to 24 hours; windows
 * are aligned to the epoch (a {@code 1m} window starts on the minute), so every instance agrees on them.
 *
 * @param limit  requests allowed in one window, 1 to {@value #MAX_LIMIT}
 * @param window the window, whole seconds from 1 s to 24 h
 */
public record RateLimit(long limit, Duration window) {

  public static final long MAX_LIMIT = 1_000_000_000L;
  public static final Duration MAX_WINDOW = Duration.ofHours(24);

  /** What is wrong with a rate-limit text; see {@link #problem(String)}. */
  public enum Problem {
    /** Not {@code <limit>/<number><unit>}. */
    SYNTAX,
    /** The limit is 0 or above {@value #MAX_LIMIT}. */
    LIMIT,
    /** The window is 0 or longer than 24 hours. */
    WINDOW
  }

  private static final Pattern GRAMMAR = Pattern.compile("(\\d{1,30})/(\\d{1,30})([smh])");

  public RateLimit {
    Objects.requireNonNull(window, "window");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("rate limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(MAX_WINDOW) > 0
        || window.getNano() != 0) {
      throw new IllegalArgumentException("rate limit window must be whole seconds from 1s to 24h: " + window);
    }
  }

  /** {@code limit} requests per {@code windowSeconds} seconds. */
  public static RateLimit of(long limit, long windowSeconds) {
    return new RateLimit(limit, Duration.ofSeconds(windowSeconds));
  }

  /**
   * Parses {@code <limit>/<window>}.
   *
   * @throws IllegalArgumentException saying what is wrong, for any text {@link #problem} rejects
   */
  public static RateLimit parse(String text) {
    Problem problem = problem(text);
    if (problem != null) {
      throw new IllegalArgumentException(switch (problem) {
        case SYNTAX -> "'" + text + "' is not a rate limit: use <limit>/<window> such as 20/1m, 1000/1h, 5/10s";
        case LIMIT -> "'" + text + "': the limit must be between 1 and " + MAX_LIMIT;
        case WINDOW -> "'" + text + "': the window must be from 1s to 24h";
      });
    }
    Matcher m = GRAMMAR.matcher(text);
    m.matches();
    return new RateLimit(Long.parseLong(m.group(1)), Duration.ofSeconds(windowSeconds(m)));
  }

  /** What is wrong with {@code text}, or null when it is a valid rate limit. */
  public static Problem problem(String text) {
    if (text == null || text.length() > 48) {
      return Problem.SYNTAX;
    }
    Matcher m = GRAMMAR.matcher(text);
    if (!m.matches()) {
      return Problem.SYNTAX;
    }
    long limit = parseOrMax(m.group(1));
    if (limit < 1 || limit > MAX_LIMIT) {
      return Problem.LIMIT;
    }
    long window = windowSeconds(m);
    if (window < 1 || window > MAX_WINDOW.toSeconds()) {
      return Problem.WINDOW;
    }
    return null;
  }

  public long windowSeconds() {
    return window.toSeconds();
  }

  /** The start of the window holding {@code epochMillis}, in epoch milliseconds. */
  public long windowStart(long epochMillis) {
    long size = window.toMillis();
    return Math.floorDiv(epochMillis, size) * size;
  }

  /** The grammar's own text, with the largest unit that divides the window: {@code 20/1m}, {@code 5/90s}. */
  @Override
  public String toString() {
    return limit + "/" + windowText();
  }

  /** The window in the grammar, with the largest unit that divides it: {@code 1m}, {@code 90s}, {@code 2h}. */
  public String windowText() {
    long seconds = windowSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }

  private static long windowSeconds(Matcher m) {
    long n = parseOrMax(m.group(2));
    long unit = switch (m.group(3)) {
      case "h" -> 3600;
      case "m" -> 60;
      default -> 1;
    };
    return n > MAX_WINDOW.toSeconds() ? Long.MAX_VALUE : n * unit;
  }

  private static long parseOrMax(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException overflow) {
      return Long.MAX_VALUE;
    }
  }
}
