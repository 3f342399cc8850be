package dev.streamer.runtime.aws.internal.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * CloudWatch metrics as Embedded Metric Format log lines: CloudWatch Logs extracts the metrics from the line, so
 * recording one costs a stdout write and no API call.
 *
 * <p>Every metric has the dimension {@code service}; request metrics also {@code action}. High-cardinality values
 * (request id, connection id) go in as plain properties, which Logs Insights can search but which create no metric.
 *
 * <pre>{@code
 * {"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"Streamer",
 *   "Dimensions":[["service","action"]],"Metrics":[{"Name":"RequestCompleted","Unit":"Count"},
 *   {"Name":"ProcessingTime","Unit":"Milliseconds"}]}]},
 *  "service":"streamer","action":"generate_report","RequestCompleted":1,"ProcessingTime":1234,"requestId":"…"}
 * }</pre>
 */
public final class Metrics {

  public static final String DEFAULT_NAMESPACE = "Streamer";
  public static final String NAMESPACE_ENV = "METRICS_NAMESPACE";

  private final String namespace;
  private final String service;
  private final LogSink sink;
  private final Clock clock;

  public Metrics(String namespace, String service, LogSink sink, Clock clock) {
    this.namespace = requireText(namespace, "namespace");
    this.service = requireText(service, "service");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Namespace from {@code METRICS_NAMESPACE} (default {@value #DEFAULT_NAMESPACE}); service as {@link JsonLog}. */
  public static Metrics fromEnvironment(Map<String, String> env, LogSink sink, Clock clock) {
    String namespace = env.get(NAMESPACE_ENV);
    if (namespace == null || namespace.isBlank()) {
      namespace = DEFAULT_NAMESPACE;
    }
    return new Metrics(namespace.trim(), JsonLog.serviceName(env), sink, clock);
  }

  public String namespace() {
    return namespace;
  }

  public void requestQueued(String action, String requestId) {
    emit(action, Map.of(Metric.REQUEST_QUEUED, 1.0), LogFields.empty().requestId(requestId));
  }

  public void requestCompleted(String action, String requestId, Duration processingTime) {
    emit(action, outcome(Metric.REQUEST_COMPLETED, processingTime), LogFields.empty().requestId(requestId));
  }

  /** {@code errorCode} goes in as a property, not a dimension, to keep the number of metrics fixed. */
  public void requestFailed(String action, String requestId, String errorCode, Duration processingTime) {
    emit(action, outcome(Metric.REQUEST_FAILED, processingTime),
        LogFields.empty().requestId(requestId).with("errorCode", errorCode));
  }

  /** Emits {@code count} progress messages at once; callers add up per request instead of one line per message. */
  public void progressSent(String requestId, long count) {
    if (count > 0) {
      emit(null, Map.of(Metric.PROGRESS_SENT, (double) count), LogFields.empty().requestId(requestId));
    }
  }

  /**
   * One line per event sent (to a connection, a user or a tenant): how many connections it reached, found gone and
   * failed to reach. The event name and scope are properties, not dimensions, to keep the number of metrics fixed.
   */
  public void eventSent(String event, String scope, int delivered, int gone, int failed) {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.EVENTS_SENT, (double) delivered);
    values.put(Metric.EVENTS_GONE, (double) gone);
    values.put(Metric.EVENTS_FAILED, (double) failed);
    emit(null, values, LogFields.empty().with("event", event).with("scope", scope));
  }

  /** A request refused with RATE_LIMITED; {@code scope} ({@code user}, {@code tenant}) is a property. */
  public void requestThrottled(String action, String scope, String requestId) {
    emit(action, Map.of(Metric.REQUEST_THROTTLED, 1.0), LogFields.empty().requestId(requestId).with("scope", scope));
  }

  /** A {@code $connect} refused by the per-user connection cap. */
  public void connectionLimited(String connectionId) {
    emit(null, Map.of(Metric.CONNECTION_LIMITED, 1.0), LogFields.empty().connectionId(connectionId));
  }

  /** A due job left PENDING by its tenant's running cap. */
  public void jobDeferred(String action, String requestId, String tenantId) {
    emit(action, Map.of(Metric.JOB_DEFERRED, 1.0), LogFields.empty().requestId(requestId).tenantId(tenantId));
  }

  public void connectionGone(String connectionId) {
    emit(null, Map.of(Metric.CONNECTION_GONE, 1.0), LogFields.empty().connectionId(connectionId));
  }

  /**
   * Writes one EMF line with {@code values} under the dimensions service (+ action when not null) and
   * {@code properties} as extra top-level keys.
   */
  public void emit(String action, Map<Metric, Double> values, LogFields properties) {
    if (values.isEmpty()) {
      return;
    }
    long timestamp = clock.millis();
    boolean withAction = action != null;
    String line = JsonLines.object(json -> {
      json.writeObjectFieldStart("_aws");
      json.writeNumberField("Timestamp", timestamp);
      json.writeArrayFieldStart("CloudWatchMetrics");
      json.writeStartObject();
      json.writeStringField("Namespace", namespace);
      json.writeArrayFieldStart("Dimensions");
      json.writeStartArray();
      json.writeString("service");
      if (withAction) {
        json.writeString("action");
      }
      json.writeEndArray();
      json.writeEndArray();
      json.writeArrayFieldStart("Metrics");
      for (Metric metric : values.keySet()) {
        json.writeStartObject();
        json.writeStringField("Name", metric.metricName());
        json.writeStringField("Unit", metric.unit().cloudWatchName());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();

      json.writeStringField("service", service);
      if (withAction) {
        json.writeStringField("action", action);
      }
      for (Map.Entry<Metric, Double> value : values.entrySet()) {
        double number = value.getValue();
        json.writeFieldName(value.getKey().metricName());
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
          json.writeNumber((long) number);
        } else {
          json.writeNumber(number);
        }
      }
      Map<String, Object> extra = properties == null ? Map.of() : properties.asMap();
      JsonLog.writeFields(json, withoutDimensionKeys(extra));
    });
    try {
      sink.write(line);
    } catch (RuntimeException e) {
      System.err.println("metrics sink failed: " + e);
    }
  }

  private static Map<Metric, Double> outcome(Metric counter, Duration processingTime) {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(counter, 1.0);
    if (processingTime != null) {
      values.put(Metric.PROCESSING_TIME, (double) Math.max(0, processingTime.toMillis()));
    }
    return values;
  }

  /** A property must not shadow a dimension or a metric value, or CloudWatch would read the wrong one. */
  private static Map<String, Object> withoutDimensionKeys(Map<String, Object> properties) {
    if (properties.isEmpty()) {
      return properties;
    }
    Map<String, Object> kept = new java.util.LinkedHashMap<>(properties);
    kept.keySet().removeIf(key -> key.equals("_aws") || key.equals("service") || key.equals("action")
        || isMetricName(key));
    return kept;
  }

  private static boolean isMetricName(String key) {
    for (Metric metric : Metric.values()) {
      if (metric.metricName().equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
