package dev.streamer.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.Messages;
import dev.streamer.core.protocol.RetryInfo;
import dev.streamer.core.protocol.StreamerError;
import dev.streamer.core.validation.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerMessageTest {

  @Test
  void resultDataIsKeptExactlyAsSent() {
    String data = "{\"a\": 1.50, \"b\": [true, null, \"x\\u00e9\"], \"c\": {\"d\": 12345678901234567890}}";
    ServerMessage m = ServerMessage.parse(Messages.result("c-1", "r-1", data));
    assertEquals("result", m.type());
    assertEquals("c-1", m.id());
    assertEquals("r-1", m.requestId());
    assertEquals(data, m.data());
  }

  @Test
  void serverEventsCarryTheirNameAndRawData() throws Exception {
    ServerMessage m = ServerMessage.parse(Messages.event("price_changed", g -> {
      g.writeStartObject();
      g.writeStringField("sku", "a-1");
      g.writeEndObject();
    }));
    assertEquals("event", m.type());
    assertEquals("price_changed", m.event());
    assertEquals("{\"sku\":\"a-1\"}", m.data());
    assertNull(m.id());
    assertNull(m.requestId());
  }

  @Test
  void scalarDataIsKeptExactly() {
    assertEquals("\"plain \\\"text\\\"\"",
        ServerMessage.parse("{\"type\":\"result\",\"id\":\"c\",\"data\":\"plain \\\"text\\\"\",\"x\":1}").data());
    assertEquals("42", ServerMessage.parse("{\"type\":\"result\",\"data\":42 ,\"id\":\"c\"}").data());
    assertEquals("null", ServerMessage.parse("{\"type\":\"result\",\"data\":null}").data());
  }

  @Test
  void progressAndAck() {
    ServerMessage progress = ServerMessage.parse(Messages.progress("c-2", "r-2", 0.25, "a quarter"));
    assertEquals("progress", progress.type());
    assertEquals(0.25, progress.progress());
    assertEquals("a quarter", progress.message());
    ServerMessage ack = ServerMessage.parse(Messages.ack("c-3", "r-3", "generate_report"));
    assertEquals("ack", ack.type());
    assertEquals("r-3", ack.requestId());
  }

  @Test
  void errorsAreTypedWithDetailsAndRetry() {
    Instant after = Instant.parse("2030-01-01T00:00:00Z");
    StreamerError sent = new StreamerError(ErrorCode.VALIDATION_ERROR, "invalid payload",
        Map.of("violations", List.of(new Violation("items[2].quantity", "Min", "must be at least 1"))),
        new RetryInfo(false, after, 4, 2));
    ServerMessage m = ServerMessage.parse(Messages.error("c-4", null, sent));
    assertEquals("error", m.type());
    assertNull(m.requestId());
    StreamerError error = m.error();
    assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
    assertEquals("invalid payload", error.message());
    assertEquals(List.of(Map.of("path", "items[2].quantity", "constraint", "Min", "message", "must be at least 1")),
        error.details().get("violations"));
    assertEquals(new RetryInfo(false, after, 4, 2), error.retry());
  }

  @Test
  void anUnknownCodeBecomesInternalErrorAndOtherMessagesHaveNoType() {
    ServerMessage m = ServerMessage.parse("{\"type\":\"error\",\"id\":\"c\",\"error\":{\"code\":\"NEW_CODE\",\"message\":\"m\"}}");
    assertEquals(ErrorCode.INTERNAL_ERROR, m.error().code());
    assertNull(ServerMessage.parse("{\"message\": \"Internal server error\"}").type());
    assertNull(ServerMessage.parse("not json").type());
    assertNull(ServerMessage.parse("[1,2]").type());
    assertNull(ServerMessage.parse("{\"type\":\"result\",").type());
  }

  @Test
  void statusSnapshots() {
    StatusSnapshot done = StatusSnapshot.parse(
        "{\"requestId\":\"r\",\"status\":\"COMPLETED\",\"progress\":1.0,\"result\":{\"url\":\"s3://x\"}}");
    assertTrue(done.completed());
    assertEquals("{\"url\":\"s3://x\"}", done.result());
    StatusSnapshot failed = StatusSnapshot.parse(
        "{\"status\":\"FAILED\",\"error\":{\"code\":\"TIMEOUT\",\"message\":\"too slow\"}}");
    assertTrue(failed.failed());
    assertEquals(ErrorCode.TIMEOUT, failed.failure().code());
    assertEquals(ErrorCode.CANCELLED, StatusSnapshot.parse("{\"status\":\"CANCELLED\"}").failure().code());
    StatusSnapshot running = StatusSnapshot.parse("{\"status\":\"PROCESSING\",\"progress\":0.5,\"message\":\"half\"}");
    assertFalse(running.completed() || running.failed());
    assertEquals(0.5, running.progress());
    assertThrows(IllegalArgumentException.class, () -> StatusSnapshot.parse("{\"progress\":1}"));
  }

  @Test
  void reconnectDelaysGrowWithJitterUpToTheCap() {
    ReconnectPolicy policy = new ReconnectPolicy(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1), 10);
    for (int i = 0; i < 200; i++) {
      long first = policy.delay(1).toMillis();
      assertTrue(first >= 50 && first <= 100, "first " + first);
      long fourth = policy.delay(4).toMillis();
      assertTrue(fourth >= 400 && fourth <= 800, "fourth " + fourth);
      long late = policy.delay(40).toMillis();
      assertTrue(late >= 500 && late <= 1000, "capped " + late);
    }
  }
}
