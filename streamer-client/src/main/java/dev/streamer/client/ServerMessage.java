package dev.streamer.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.RetryInfo;
import dev.streamer.core.protocol.StreamerError;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One message from the server, as far as the client needs it. {@code data} is the raw JSON text of a result's
 * {@code data}, exactly as sent.
 *
 * @param type      ack, progress, result or error; null for anything that is not a Streamer message
 * @param id        the client's correlation id, or null
 * @param requestId the server's request id, or null
 * @param progress  progress fraction, or NaN
 * @param message   progress message, or null
 * @param data      raw result JSON, or null
 * @param error     typed error, or null
 * @param event     the event name of a server event ({@code type} event), or null
 */
record ServerMessage(String type, String id, String requestId, double progress, String message, String data,
    StreamerError error, String event) {

  private static final int MAX_DETAILS_DEPTH = 16;

  /** Parses {@code text}; a message that is not a JSON object, or has no {@code type}, gives type null. */
  static ServerMessage parse(String text) {
    String type = null;
    String id = null;
    String requestId = null;
    double progress = Double.NaN;
    String message = null;
    String data = null;
    StreamerError error = null;
    String event = null;
    try (JsonParser p = Json.FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return unknown();
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "type" -> type = textOrNull(p, value);
          case "id" -> id = textOrNull(p, value);
          case "requestId" -> requestId = textOrNull(p, value);
          case "progress" -> progress = value.isNumeric() ? p.getDoubleValue() : Double.NaN;
          case "message" -> message = textOrNull(p, value);
          case "data" -> data = raw(p, text);
          case "error" -> error = value == JsonToken.START_OBJECT ? error(p) : skip(p);
          case "event" -> event = textOrNull(p, value);
          default -> p.skipChildren();
        }
      }
    } catch (IOException | RuntimeException malformed) {
      return unknown();
    }
    return new ServerMessage(type, id, requestId, progress, message, data, error, event);
  }

  private static ServerMessage unknown() {
    return new ServerMessage(null, null, null, Double.NaN, null, null, null, null);
  }

  private static String textOrNull(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static <T> T skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  /** The exact text of the current value: from its first token's offset to the end of its last. */
  static String raw(JsonParser p, String text) throws IOException {
    long start = p.currentTokenLocation().getCharOffset();
    if (p.currentToken().isScalarValue()) {
      p.getText(); // completes a lazily parsed string, so the location below is past its closing quote
    } else {
      p.skipChildren();
    }
    JsonLocation end = p.currentLocation();
    return text.substring((int) start, (int) end.getCharOffset());
  }

  /** Reads {@code {code, message, details, retry}} at the parser's current START_OBJECT. */
  static StreamerError error(JsonParser p) throws IOException {
    ErrorCode code = ErrorCode.INTERNAL_ERROR;
    String message = "";
    Map<String, Object> details = Map.of();
    RetryInfo retry = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "code" -> code = code(textOrNull(p, value));
        case "message" -> message = value == JsonToken.VALUE_STRING ? p.getText() : skipToEmpty(p);
        case "details" -> details = value == JsonToken.START_OBJECT ? object(p, 0) : skip(p);
        case "retry" -> retry = value == JsonToken.START_OBJECT ? retry(p) : skip(p);
        default -> p.skipChildren();
      }
    }
    return new StreamerError(code, message, details, retry);
  }

  private static String skipToEmpty(JsonParser p) throws IOException {
    p.skipChildren();
    return "";
  }

  /** A code this client does not know yet is kept as INTERNAL_ERROR rather than failing the parse. */
  private static ErrorCode code(String name) {
    if (name == null) {
      return ErrorCode.INTERNAL_ERROR;
    }
    try {
      return ErrorCode.valueOf(name);
    } catch (IllegalArgumentException unknown) {
      return ErrorCode.INTERNAL_ERROR;
    }
  }

  private static RetryInfo retry(JsonParser p) throws IOException {
    boolean retryable = false;
    Instant after = null;
    int maxTries = 0;
    int attempt = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "retryable" -> retryable = value == JsonToken.VALUE_TRUE;
        case "after" -> after = instant(textOrNull(p, value));
        case "maxTries" -> maxTries = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
        case "attempt" -> attempt = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : 0;
        default -> p.skipChildren();
      }
    }
    return new RetryInfo(retryable, after, maxTries, attempt);
  }

  private static Instant instant(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, Object> object(JsonParser p, int depth) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, value(p, depth + 1));
    }
    return map;
  }

  private static Object value(JsonParser p, int depth) throws IOException {
    JsonToken token = p.currentToken();
    if (depth > MAX_DETAILS_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
      p.skipChildren();
      return null;
    }
    return switch (token) {
      case START_OBJECT -> object(p, depth);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(p, depth + 1));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }
}
