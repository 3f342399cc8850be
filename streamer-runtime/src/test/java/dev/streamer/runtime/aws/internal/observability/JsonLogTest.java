package dev.streamer.runtime.aws.internal.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T10:15:30.123456Z"), ZoneOffset.UTC);

  private final CapturingSink sink = new CapturingSink();
  private final JsonLog log = new JsonLog("reports", LogLevel.INFO, sink, CLOCK);

  @Test
  void writesOneObjectPerLineWithStandardAndRequestKeys() {
    log.info("request completed", LogFields.empty()
        .requestId("r-1").action("generate_report").connectionId("c=1").tenantId("t-1")
        .status("COMPLETED").durationMs(42).traceId("1-abc-def"));

    assertEquals(1, sink.lines().size());
    JsonNode line = sink.json().get(0);
    assertEquals("2024-05-01T10:15:30.123Z", line.get("timestamp").asText());
    assertEquals("INFO", line.get("level").asText());
    assertEquals("request completed", line.get("message").asText());
    assertEquals("reports", line.get("service").asText());
    assertEquals("r-1", line.get("requestId").asText());
    assertEquals("generate_report", line.get("action").asText());
    assertEquals("c=1", line.get("connectionId").asText());
    assertEquals("t-1", line.get("tenantId").asText());
    assertEquals("COMPLETED", line.get("status").asText());
    assertTrue(line.get("durationMs").isIntegralNumber());
    assertEquals(42, line.get("durationMs").asLong());
    assertEquals("1-abc-def", line.get("traceId").asText());
  }

  @Test
  void escapesQuotesControlCharactersAndNonAsciiOnOneLine() {
    String nasty = "a \"quoted\" \\ back\nslash\ttab\u0001 caf\u00e9 \u2028 \uD83D\uDE00 </script>";
    log.warn(nasty, LogFields.empty().with("input", nasty));

    String raw = sink.lines().get(0);
    assertFalse(raw.contains("\n"), raw);
    assertFalse(raw.contains("\r"), raw);
    assertTrue(raw.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "pure printable ASCII: " + raw);
    JsonNode line = sink.json().get(0);
    assertEquals(nasty, line.get("message").asText());
    assertEquals(nasty, line.get("input").asText());
  }

  @Test
  void dropsLinesBelowTheThreshold() {
    log.debug("noise", LogFields.empty());
    log.info("kept");
    assertEquals(List.of("kept"), sink.json().stream().map(n -> n.get("message").asText()).toList());
  }

  @Test
  void contextIsAddedToEveryLineAndLineFieldsWin() {
    JsonLog job = log.withContext(LogFields.empty().requestId("r-9").status("PROCESSING"));
    job.info("progress", LogFields.empty().status("COMPLETED"));
    job.info("plain");

    List<JsonNode> lines = sink.json();
    assertEquals("r-9", lines.get(0).get("requestId").asText());
    assertEquals("COMPLETED", lines.get(0).get("status").asText());
    assertEquals("PROCESSING", lines.get(1).get("status").asText());
  }

  @Test
  void errorsCarryTypeMessageAndStackTrace() {
    log.error("send failed", LogFields.empty(), new IllegalStateException("boom"));
    JsonNode error = sink.json().get(0).get("error");
    assertEquals("java.lang.IllegalStateException", error.get("type").asText());
    assertEquals("boom", error.get("message").asText());
    assertTrue(error.get("stackTrace").asText().contains("JsonLogTest"));
  }

  @Test
  void nullValuesAreLeftOutAndReservedKeysRejected() {
    log.info("x", LogFields.empty().requestId(null).tenantId("t").tenantId(null));
    JsonNode line = sink.json().get(0);
    assertFalse(line.has("requestId"));
    assertFalse(line.has("tenantId"));
    assertThrows(IllegalArgumentException.class, () -> LogFields.empty().with("level", "x"));
  }

  @Test
  void environmentChoosesServiceAndLevel() {
    JsonLog fromEnv = JsonLog.fromEnvironment(
        Map.of("POWERTOOLS_SERVICE_NAME", "orders", "LOG_LEVEL", "warning"), sink, CLOCK);
    fromEnv.info("hidden");
    fromEnv.warn("shown", LogFields.empty());
    List<JsonNode> lines = sink.json();
    assertEquals(1, lines.size());
    assertEquals("orders", lines.get(0).get("service").asText());
    assertEquals("streamer", JsonLog.fromEnvironment(Map.of(), sink, CLOCK).service());
  }

  @Test
  void aFailingSinkNeverReachesTheCaller() {
    JsonLog broken = new JsonLog("s", LogLevel.INFO, line -> { throw new IllegalStateException("closed"); }, CLOCK);
    broken.info("still fine");
  }
}
