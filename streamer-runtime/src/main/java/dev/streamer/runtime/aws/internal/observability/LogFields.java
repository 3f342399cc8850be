package dev.streamer.runtime.aws.internal.observability;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keys of one log line besides timestamp, level, message and service. Immutable: each setter returns a copy, so
 * a set of fields can be kept as a logger's context ({@link JsonLog#withContext}) and extended per line.
 *
 * <p>A null value removes the key. Values are strings, longs or booleans, which is all a log query needs.
 */
public final class LogFields {

  public static final String REQUEST_ID = "requestId";
  public static final String ACTION = "action";
  public static final String CONNECTION_ID = "connectionId";
  public static final String TENANT_ID = "tenantId";
  public static final String STATUS = "status";
  public static final String DURATION_MS = "durationMs";
  public static final String TRACE_ID = "traceId";

  /** Keys the log line itself owns; a field cannot replace them. */
  static final Set<String> RESERVED = Set.of("timestamp", "level", "message", "service", "error");

  private static final LogFields EMPTY = new LogFields(Map.of());

  private final Map<String, Object> values;

  private LogFields(Map<String, Object> values) {
    this.values = values;
  }

  public static LogFields empty() {
    return EMPTY;
  }

  public LogFields requestId(String requestId) {
    return with(REQUEST_ID, requestId);
  }

  public LogFields action(String action) {
    return with(ACTION, action);
  }

  public LogFields connectionId(String connectionId) {
    return with(CONNECTION_ID, connectionId);
  }

  public LogFields tenantId(String tenantId) {
    return with(TENANT_ID, tenantId);
  }

  public LogFields status(String status) {
    return with(STATUS, status);
  }

  public LogFields durationMs(long durationMs) {
    return put(DURATION_MS, durationMs);
  }

  public LogFields traceId(String traceId) {
    return with(TRACE_ID, traceId);
  }

  public LogFields with(String key, String value) {
    return put(key, value);
  }

  public LogFields with(String key, long value) {
    return put(key, value);
  }

  public LogFields with(String key, boolean value) {
    return put(key, value);
  }

  /** These fields with {@code other}'s on top. */
  public LogFields and(LogFields other) {
    if (other.values.isEmpty()) {
      return this;
    }
    if (values.isEmpty()) {
      return other;
    }
    Map<String, Object> merged = new LinkedHashMap<>(values);
    merged.putAll(other.values);
    return new LogFields(Collections.unmodifiableMap(merged));
  }

  /** The fields in insertion order; values are String, Long or Boolean. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  private LogFields put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (RESERVED.contains(key)) {
      throw new IllegalArgumentException("reserved log key: " + key);
    }
    if (value == null && !values.containsKey(key)) {
      return this;
    }
    Map<String, Object> copy = new LinkedHashMap<>(values);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new LogFields(Collections.unmodifiableMap(copy));
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
