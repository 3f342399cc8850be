package dev.streamer.runtime.aws.internal.observability;

import java.util.Locale;

/** Severity of a log line, lowest first. */
public enum LogLevel {
  DEBUG,
  INFO,
  WARN,
  ERROR;

  /**
   * Parses a level name as Lambda's advanced logging controls and Powertools spell them ({@code debug}, {@code INFO},
   * {@code WARNING}, {@code TRACE} counts as DEBUG, {@code FATAL} as ERROR); blank or unknown gives {@code fallback}.
   */
  public static LogLevel parse(String value, LogLevel fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "TRACE":
      case "DEBUG":
        return DEBUG;
      case "INFO":
        return INFO;
      case "WARN":
      case "WARNING":
        return WARN;
      case "ERROR":
      case "FATAL":
        return ERROR;
      default:
        return fallback;
    }
  }
}
