package dev.streamer.runtime.aws.internal.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the lines against the Embedded Metric Format specification's structure rules. */
class MetricsTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123Z");

  private final CapturingSink sink = new CapturingSink();
  private final Metrics metrics = Metrics.fromEnvironment(
      Map.of("METRICS_NAMESPACE", "Acme/Streamer", "SERVICE_NAME", "reports"), sink, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void requestCompletedCarriesCountAndProcessingTimeUnderServiceAndAction() {
    metrics.requestCompleted("generate_report", "r-1", Duration.ofMillis(1234));

    JsonNode line = only();
    JsonNode directive = assertValidEmf(line);
    assertEquals("Acme/Streamer", directive.get("Namespace").asText());
    assertEquals(List.of(List.of("service", "action")), dimensionSets(directive));
    assertEquals(Map.of("RequestCompleted", "Count", "ProcessingTime", "Milliseconds"), declared(directive));
    assertEquals(1, line.get("RequestCompleted").asLong());
    assertEquals(1234, line.get("ProcessingTime").asLong());
    assertEquals("reports", line.get("service").asText());
    assertEquals("generate_report", line.get("action").asText());
    assertEquals("r-1", line.get("requestId").asText());
    assertEquals(NOW.toEpochMilli(), line.get("_aws").get("Timestamp").asLong());
  }

  @Test
  void failureKeepsErrorCodeOutOfTheDimensions() {
    metrics.requestFailed("generate_report", "r-2", "TIMEOUT", Duration.ofSeconds(3));
    JsonNode line = only();
    JsonNode directive = assertValidEmf(line);
    assertEquals(Map.of("RequestFailed", "Count", "ProcessingTime", "Milliseconds"), declared(directive));
    assertEquals("TIMEOUT", line.get("errorCode").asText());
    assertEquals(List.of(List.of("service", "action")), dimensionSets(directive));
  }

  @Test
  void queuedProgressAndGoneUseTheirDimensions() {
    metrics.requestQueued("generate_report", "r-3");
    metrics.progressSent("r-3", 7);
    metrics.connectionGone("conn-1");
    metrics.progressSent("r-4", 0);

    List<JsonNode> lines = sink.json();
    assertEquals(3, lines.size(), "a zero progress count writes nothing");
    assertEquals(Map.of("RequestQueued", "Count"), declared(assertValidEmf(lines.get(0))));
    assertEquals(List.of(List.of("service", "action")), dimensionSets(assertValidEmf(lines.get(0))));

    JsonNode progress = lines.get(1);
    assertEquals(Map.of("ProgressSent", "Count"), declared(assertValidEmf(progress)));
    assertEquals(List.of(List.of("service")), dimensionSets(assertValidEmf(progress)));
    assertEquals(7, progress.get("ProgressSent").asLong());
    assertFalse(progress.has("action"));

    JsonNode gone = lines.get(2);
    assertEquals(Map.of("ConnectionGone", "Count"), declared(assertValidEmf(gone)));
    assertEquals("conn-1", gone.get("connectionId").asText());
  }

  @Test
  void defaultNamespaceIsStreamer() {
    Metrics defaults = Metrics.fromEnvironment(Map.of(), sink, Clock.systemUTC());
    defaults.connectionGone("c");
    JsonNode directive = assertValidEmf(only());
    assertEquals("Streamer", directive.get("Namespace").asText());
    assertEquals("streamer", only().get("service").asText());
  }

  @Test
  void propertiesCannotShadowDimensionsOrValues() {
    metrics.emit("a", Map.of(Metric.REQUEST_QUEUED, 1.0),
        LogFields.empty().with("RequestQueued", "oops").with("note", "kept"));
    JsonNode line = only();
    assertEquals(1, line.get("RequestQueued").asLong());
    assertEquals("a", line.get("action").asText());
    assertEquals("kept", line.get("note").asText());
  }

  private JsonNode only() {
    List<JsonNode> lines = sink.json();
    assertEquals(1, lines.size(), "lines: " + sink.lines());
    return lines.get(0);
  }

  /**
   * The rules of the EMF specification: {@code _aws} with an integer Timestamp and one or more directives; every
   * dimension key and every metric name resolves to a top-level member; values are numbers; dimension values strings.
   * Returns the single directive.
   */
  private static JsonNode assertValidEmf(JsonNode line) {
    JsonNode aws = line.get("_aws");
    assertTrue(aws != null && aws.isObject(), "_aws object");
    assertTrue(aws.get("Timestamp").isIntegralNumber(), "Timestamp is epoch millis");
    JsonNode directives = aws.get("CloudWatchMetrics");
    assertTrue(directives.isArray());
    assertEquals(1, directives.size());
    JsonNode directive = directives.get(0);
    assertTrue(directive.get("Namespace").isTextual());
    for (JsonNode set : directive.get("Dimensions")) {
      assertTrue(set.isArray() && set.size() >= 1 && set.size() <= 30);
      for (JsonNode key : set) {
        assertTrue(line.path(key.asText()).isTextual(), "dimension " + key + " resolves to a string");
      }
    }
    JsonNode declared = directive.get("Metrics");
    assertTrue(declared.isArray() && declared.size() >= 1 && declared.size() <= 100);
    for (JsonNode metric : declared) {
      assertTrue(line.path(metric.get("Name").asText()).isNumber(), "metric " + metric + " resolves to a number");
    }
    return directive;
  }

  private static List<List<String>> dimensionSets(JsonNode directive) {
    List<List<String>> sets = new ArrayList<>();
    for (JsonNode set : directive.get("Dimensions")) {
      List<String> keys = new ArrayList<>();
      set.forEach(k -> keys.add(k.asText()));
      sets.add(keys);
    }
    return sets;
  }

  private static Map<String, String> declared(JsonNode directive) {
    Map<String, String> units = new java.util.HashMap<>();
    directive.get("Metrics").forEach(m -> units.put(m.get("Name").asText(), m.get("Unit").asText()));
    return units;
  }
}
