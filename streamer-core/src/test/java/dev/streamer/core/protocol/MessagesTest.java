package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamer.core.validation.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws IOException {
    return MAPPER.readTree(text);
  }

  @Test
  void ack() throws IOException {
    String text = Messages.ack("c-1", "r-1", "generate_report");

    assertEquals("{\"type\":\"ack\",\"id\":\"c-1\",\"requestId\":\"r-1\",\"action\":\"generate_report\","
        + "\"status\":\"queued\"}", text);
    assertEquals("ack", json(text).get("type").asText());
  }

  @Test
  void progressIsAClampedFraction() throws IOException {
    JsonNode p = json(Messages.progress("c-1", "r-1", 0.42, "Reading records"));
    assertEquals("progress", p.get("type").asText());
    assertEquals("c-1", p.get("id").asText());
    assertEquals("r-1", p.get("requestId").asText());
    assertEquals(0.42, p.get("progress").asDouble());
    assertEquals("Reading records", p.get("message").asText());

    assertEquals(1.0, json(Messages.progress("c", "r", 7, null)).get("progress").asDouble());
    assertEquals(0.0, json(Messages.progress("c", "r", -0.5, null)).get("progress").asDouble());
    assertEquals(0.0, json(Messages.progress("c", "r", Double.NaN, null)).get("progress").asDouble());
    assertFalse(json(Messages.progress("c", "r", 0.5, null)).has("message"));
  }

  @Test
  void resultWithWrittenData() throws IOException {
    String text = Messages.result("c-1", "r-1", g -> {
      g.writeStartObject();
      g.writeNumberField("rows", 3);
      g.writeEndObject();
    });

    assertEquals("{\"type\":\"result\",\"id\":\"c-1\",\"requestId\":\"r-1\",\"success\":true,\"data\":{\"rows\":3}}",
        text);
  }

  @Test
  void resultWriterMustWriteExactlyOneCompleteValue() {
    assertThrows(IOException.class, () -> Messages.result("c", "r", g -> {}));
    assertThrows(IOException.class, () -> Messages.result("c", "r", g -> g.writeStartArray()));
    assertThrows(IOException.class, () -> Messages.result("c", "r", g -> {
      g.writeNumber(1);
      g.writeNumber(2);
    }));
  }

  @Test
  void resultWithRawData() throws IOException {
    assertEquals("{\"type\":\"result\",\"id\":null,\"requestId\":\"r\",\"success\":true,\"data\":[1, 2]}",
        Messages.result(null, "r", "[1, 2]"));
    assertTrue(json(Messages.result("c", "r", (String) null)).get("data").isNull());
    assertTrue(json(Messages.result("c", "r", "null")).get("data").isNull());
  }

  @Test
  void errorWithViolationsAndDefaultRetry() throws IOException {
    StreamerError error = new StreamerError(ErrorCode.VALIDATION_ERROR, "1 constraint violation",
        Map.of("violations", List.of(new Violation("items[2].quantity", "Min", "must be at least 1"))), null);

    String text = Messages.error("c-1", "r-1", error);

    assertEquals("{\"type\":\"error\",\"id\":\"c-1\",\"requestId\":\"r-1\",\"success\":false,\"error\":{"
        + "\"code\":\"VALIDATION_ERROR\",\"message\":\"1 constraint violation\",\"details\":{\"violations\":["
        + "{\"path\":\"items[2].quantity\",\"constraint\":\"Min\",\"message\":\"must be at least 1\"}]},"
        + "\"retry\":{\"retryable\":false}}}", text);
  }

  @Test
  void retryLeavesOutNullAndZeroParts() throws IOException {
    JsonNode full = json(Messages.error("c", "r", new StreamerError(ErrorCode.SERVICE_UNAVAILABLE, "down", Map.of(),
        new RetryInfo(true, Instant.parse("2024-05-01T12:00:30Z"), 5, 2)))).get("error").get("retry");
    assertTrue(full.get("retryable").asBoolean());
    assertEquals("2024-05-01T12:00:30Z", full.get("after").asText());
    assertEquals(5, full.get("maxTries").asInt());
    assertEquals(2, full.get("attempt").asInt());

    JsonNode bare = json(Messages.error("c", "r", new StreamerError(ErrorCode.SERVICE_UNAVAILABLE, "down", Map.of(),
        new RetryInfo(false, null, 0, 0)))).get("error").get("retry");
    assertEquals("{\"retryable\":false}", bare.toString());

    JsonNode byCode = json(Messages.error(null, null, StreamerError.of(ErrorCode.RATE_LIMITED, "slow")))
        .get("error").get("retry");
    assertEquals("{\"retryable\":true}", byCode.toString());
  }

  @Test
  void detailsArePlainValues() throws IOException {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("int", 7);
    details.put("long", 1L << 40);
    details.put("big", new BigInteger("123456789012345678901234567890"));
    details.put("decimal", new BigDecimal("1.50"));
    details.put("double", 0.25);
    details.put("nan", Double.NaN);
    details.put("bool", true);
    details.put("none", null);
    details.put("code", ErrorCode.NOT_FOUND);
    details.put("list", List.of("a", 1));
    details.put("array", new Object[] {"x", false});
    details.put("nested", Map.of("k", List.of(Map.of("deep", "v"))));
    details.put("other", Instant.parse("2024-01-01T00:00:00Z"));

    String text = Messages.error("c", "r", new StreamerError(ErrorCode.NOT_FOUND, "m", details, null));
    json(text); // well-formed
    String d = text.substring(text.indexOf("\"details\":") + 10, text.indexOf(",\"retry\":"));

    assertEquals("{\"int\":7,\"long\":1099511627776,\"big\":123456789012345678901234567890,\"decimal\":1.50,"
        + "\"double\":0.25,\"nan\":\"NaN\",\"bool\":true,\"none\":null,\"code\":\"NOT_FOUND\",\"list\":[\"a\",1],"
        + "\"array\":[\"x\",false],\"nested\":{\"k\":[{\"deep\":\"v\"}]},\"other\":\"2024-01-01T00:00:00Z\"}",
        d);
  }

  @Test
  void cyclicDetailsAreCutOff() throws IOException {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);

    String text = Messages.error("c", "r", new StreamerError(ErrorCode.NOT_FOUND, "m", Map.of("loop", cycle), null));

    assertTrue(json(text).get("error").get("details").get("loop").isArray());
  }

  @Test
  void textIsEscaped() throws IOException {
    String hostile = "\"}\n\u0000<script>";
    JsonNode e = json(Messages.error(hostile, hostile, StreamerError.of(ErrorCode.INVALID_ACTION, hostile)));

    assertEquals(hostile, e.get("id").asText());
    assertEquals(hostile, e.get("error").get("message").asText());
  }

  @Test
  void resultRecordTurnsIntoMessages() throws IOException {
    assertEquals(Messages.result("c", "r", "{\"a\":1}"), Result.success("r", "{\"a\":1}").toMessage("c"));
    StreamerError error = StreamerError.of(ErrorCode.TIMEOUT, "too slow");
    assertEquals(Messages.error("c", "r", error), Result.failure("r", error).toMessage("c"));
    assertEquals("null", Result.success("r", null).data());
    assertThrows(IllegalArgumentException.class, () -> new Result("r", true, "1", error));
    assertThrows(IllegalArgumentException.class, () -> new Result("r", false, null, null));
  }
}
