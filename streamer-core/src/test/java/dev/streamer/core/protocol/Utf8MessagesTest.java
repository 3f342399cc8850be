package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.json.Json;
import dev.streamer.core.validation.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The router's replies are written by Jackson's byte generator; a client must not be able to tell: for any valid
 * text they are the UTF-8 encoding of what the text generator writes, character for character.
 */
class Utf8MessagesTest {

  /** Escapes, controls, two- and three-byte characters, a character outside the BMP, a long string. */
  static final List<String> TEXTS = List.of("", "plain", "quote \" backslash \\ slash /",
      "tab\t nl\n cr\r nul\0 \u001f", "\u007f del", "é à ü ß", "€ ∑ 中文 \u2028 \u2029 \ufeff",
      "emoji 😀 and 𝄞 at the end 🎉", "x".repeat(9_000), "😀".repeat(3_000));

  @Test
  void resultsAreTheUtf8OfTheTextGeneratorsOutput() throws IOException {
    for (String s : TEXTS) {
      byte[] utf8 = Messages.resultUtf8(s, "r-1", g -> {
        g.writeStartObject();
        g.writeStringField(s, s);
        g.writeArrayFieldStart("list");
        g.writeString(s);
        g.writeNumber(1.5);
        g.writeEndArray();
        g.writeEndObject();
      });
      String text = text(g -> {
        g.writeStartObject();
        g.writeStringField("type", "result");
        g.writeStringField("id", s);
        g.writeStringField("requestId", "r-1");
        g.writeBooleanField("success", true);
        g.writeObjectFieldStart("data");
        g.writeStringField(s, s);
        g.writeArrayFieldStart("list");
        g.writeString(s);
        g.writeNumber(1.5);
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
      });
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), utf8, s);
      assertEquals(text, Messages.result(s, "r-1", g -> g.writeRawValue(extractData(text))));
    }
  }

  @Test
  void errorsAndAcksAreTheUtf8OfTheirText() {
    for (String s : TEXTS) {
      StreamerError error = new StreamerError(ErrorCode.VALIDATION_ERROR, s,
          Map.of("violations", List.of(new Violation(s, "Pattern", s)), "n", 3),
          new RetryInfo(true, Instant.parse("2026-01-01T00:00:00Z"), 2, 1));
      byte[] utf8 = Messages.errorUtf8(s, "r-" + s, error);
      assertEquals(Messages.error(s, "r-" + s, error), new String(utf8, StandardCharsets.UTF_8));
      assertEquals(text(g -> {
        g.writeStartObject();
        g.writeStringField("type", "error");
        g.writeStringField("id", s);
        g.writeStringField("requestId", "r-" + s);
        g.writeBooleanField("success", false);
        g.writeObjectFieldStart("error");
        g.writeStringField("code", "VALIDATION_ERROR");
        g.writeStringField("message", s);
        g.writeObjectFieldStart("details");
        if (error.details().keySet().iterator().next().equals("n")) {
          g.writeNumberField("n", 3);
        }
        g.writeArrayFieldStart("violations");
        g.writeStartObject();
        g.writeStringField("path", s);
        g.writeStringField("constraint", "Pattern");
        g.writeStringField("message", s);
        g.writeEndObject();
        g.writeEndArray();
        if (!error.details().keySet().iterator().next().equals("n")) {
          g.writeNumberField("n", 3);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("retry");
        g.writeBooleanField("retryable", true);
        g.writeStringField("after", "2026-01-01T00:00:00Z");
        g.writeNumberField("maxTries", 2);
        g.writeNumberField("attempt", 1);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
      }), new String(utf8, StandardCharsets.UTF_8));
      assertEquals("{\"type\":\"ack\",\"id\":" + quoted(s) + ",\"requestId\":\"r-1\",\"action\":" + quoted(s)
          + ",\"status\":\"queued\"}", new String(Messages.ackUtf8(s, "r-1", s), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anUnpairedSurrogateInAResultIsEscapedNotLost() throws IOException {
    byte[] utf8 = Messages.resultUtf8("c", "r", g -> g.writeString("a\ud800b\udc00"));
    assertEquals("{\"type\":\"result\",\"id\":\"c\",\"requestId\":\"r\",\"success\":true,"
        + "\"data\":\"a\\uD800b\\uDC00\"}", new String(utf8, StandardCharsets.US_ASCII));
  }

  @Test
  void startAndFinishWriteTheSameMessageAndCheckForOneValue() throws IOException {
    byte[] direct;
    try (JsonGenerator g = Messages.startResult("c-1", "r-1")) {
      g.writeStartArray();
      g.writeNumber(7);
      g.writeEndArray();
      direct = Messages.finishResult(g);
    }
    assertEquals("{\"type\":\"result\",\"id\":\"c-1\",\"requestId\":\"r-1\",\"success\":true,\"data\":[7]}",
        new String(direct, StandardCharsets.UTF_8));
    try (JsonGenerator g = Messages.startResult("c", "r")) {
      assertThrows(IOException.class, () -> Messages.finishResult(g)); // no value (a second one Jackson refuses)
    }
    try (JsonGenerator g = Messages.startResult("c", "r")) {
      g.writeStartObject();
      assertThrows(IOException.class, () -> Messages.finishResult(g)); // unclosed value
    }
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String text(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString();
  }

  private static String quoted(String s) {
    return text(g -> g.writeString(s));
  }

  private static String extractData(String message) {
    int start = message.indexOf(",\"data\":") + ",\"data\":".length();
    return message.substring(start, message.length() - 1);
  }
}
