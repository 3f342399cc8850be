package dev.streamer.runtime.aws.internal.env;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in environment variables: a number with a unit ({@code 200ms}, {@code 30s}, {@code 5m}, {@code 24h},
 * {@code 7d}) or ISO-8601 ({@code PT0.2S}). A bare number is rejected because its unit would be a guess.
 */
public final class EnvDuration {

  private static final Pattern WITH_UNIT = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

  private EnvDuration() {}

  /** {@code env.get(name)} parsed, or {@code fallback} when unset or blank. */
  public static Duration get(Map<String, String> env, String name, Duration fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return parse(name, value);
  }

  /** Parses {@code value}; {@code name} only names the variable in the error. Negative durations are rejected. */
  public static Duration parse(String name, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    Matcher matcher = WITH_UNIT.matcher(text);
    Duration duration;
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration = switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else if (text.startsWith("p")) {
      try {
        duration = Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(name, value);
      }
    } else {
      throw invalid(name, value);
    }
    if (duration.isNegative()) {
      throw invalid(name, value);
    }
    return duration;
  }

  private static IllegalArgumentException invalid(String name, String value) {
    return new IllegalArgumentException(name + ": '" + value
        + "' is not a duration; write a number with a unit (200ms, 30s, 5m, 24h, 7d) or ISO-8601 (PT30S)");
  }
}
