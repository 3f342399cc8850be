package dev.streamer.runtime.aws.internal.observability;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Structured logging: one JSON object per line, in the shape Powertools for AWS Lambda uses ({@code timestamp},
 * {@code level}, {@code message}, {@code service}, then the {@link LogFields} keys, then {@code error}). CloudWatch
 * Logs Insights reads the keys without any parsing rules.
 *
 * <p>No logging framework: the lines go to a {@link LogSink}, standard output on Lambda. Writing never throws into
 * the caller; a sink failure is reported on standard error and the line dropped.
 */
public final class JsonLog {

  public static final String DEFAULT_SERVICE = "streamer";

  private final String service;
  private final LogLevel threshold;
  private final LogSink sink;
  private final Clock clock;
  private final LogFields context;

  public JsonLog(String service, LogLevel threshold, LogSink sink, Clock clock) {
    this(service, threshold, sink, clock, LogFields.empty());
  }

  private JsonLog(String service, LogLevel threshold, LogSink sink, Clock clock, LogFields context) {
    this.service = Objects.requireNonNull(service, "service");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * Service from {@code SERVICE_NAME} or {@code POWERTOOLS_SERVICE_NAME} (default {@value #DEFAULT_SERVICE}); level
   * from {@code LOG_LEVEL}, {@code POWERTOOLS_LOG_LEVEL} or Lambda's {@code AWS_LAMBDA_LOG_LEVEL} (default INFO).
   */
  public static JsonLog fromEnvironment(Map<String, String> env, LogSink sink, Clock clock) {
    LogLevel level = LogLevel.INFO;
    for (String name : new String[] {"AWS_LAMBDA_LOG_LEVEL", "POWERTOOLS_LOG_LEVEL", "LOG_LEVEL"}) {
      level = LogLevel.parse(env.get(name), level);
    }
    return new JsonLog(serviceName(env), level, sink, clock);
  }

  /** The service name both logs and metrics use. */
  static String serviceName(Map<String, String> env) {
    for (String name : new String[] {"SERVICE_NAME", "POWERTOOLS_SERVICE_NAME"}) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return DEFAULT_SERVICE;
  }

  /** A logger that adds {@code fields} to every line (for example the request id and action of one job). */
  public JsonLog withContext(LogFields fields) {
    return new JsonLog(service, threshold, sink, clock, context.and(fields));
  }

  public String service() {
    return service;
  }

  public boolean isEnabled(LogLevel level) {
    return level.compareTo(threshold) >= 0;
  }

  public void debug(String message, LogFields fields) {
    log(LogLevel.DEBUG, message, fields, null);
  }

  public void info(String message) {
    log(LogLevel.INFO, message, LogFields.empty(), null);
  }

  public void info(String message, LogFields fields) {
    log(LogLevel.INFO, message, fields, null);
  }

  public void warn(String message, LogFields fields) {
    log(LogLevel.WARN, message, fields, null);
  }

  public void warn(String message, LogFields fields, Throwable error) {
    log(LogLevel.WARN, message, fields, error);
  }

  public void error(String message, LogFields fields) {
    log(LogLevel.ERROR, message, fields, null);
  }

  public void error(String message, LogFields fields, Throwable error) {
    log(LogLevel.ERROR, message, fields, error);
  }

  /** Writes one line if {@code level} is enabled; {@code error} (nullable) is logged with its stack trace. */
  public void log(LogLevel level, String message, LogFields fields, Throwable error) {
    if (!isEnabled(level)) {
      return;
    }
    LogFields all = context.and(fields == null ? LogFields.empty() : fields);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String line = JsonLines.object(json -> {
      json.writeStringField("timestamp", now.toString());
      json.writeStringField("level", level.name());
      json.writeStringField("message", message);
      json.writeStringField("service", service);
      writeFields(json, all.asMap());
      if (error != null) {
        writeError(json, error);
      }
    });
    try {
      sink.write(line);
    } catch (RuntimeException e) {
      System.err.println("log sink failed: " + e);
    }
  }

  static void writeFields(JsonGenerator json, Map<String, Object> fields) throws IOException {
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      json.writeFieldName(field.getKey());
      if (value instanceof Long number) {
        json.writeNumber(number);
      } else if (value instanceof Boolean flag) {
        json.writeBoolean(flag);
      } else {
        json.writeString(String.valueOf(value));
      }
    }
  }

  private static void writeError(JsonGenerator json, Throwable error) throws IOException {
    StringWriter stack = new StringWriter();
    error.printStackTrace(new PrintWriter(stack));
    json.writeObjectFieldStart("error");
    json.writeStringField("type", error.getClass().getName());
    json.writeStringField("message", error.getMessage());
    json.writeStringField("stackTrace", stack.toString());
    json.writeEndObject();
  }
}
