package dev.streamer.core.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Parses the client envelope {@code {"id": ..., "action": ..., "payload": ...}} in one streaming pass.
 *
 * <p>Rules: {@code id} is a string of at most {@value #MAX_ID_LENGTH} characters, null or absent; {@code action} is a
 * non-empty string; {@code payload} is any JSON value, kept as the exact text the client sent; other top-level fields
 * are ignored; each of the three may appear once. Anything else is a {@link ProtocolException}: VALIDATION_ERROR for
 * malformed JSON, a non-object, a bad {@code id}, a duplicate field or a limit of {@link Json#FACTORY}; INVALID_ACTION
 * for a missing, empty or non-string {@code action}. No other exception escapes, whatever the input.
 */
public final class Requests {

  /** Longest client correlation id accepted, in characters. */
  public static final int MAX_ID_LENGTH = Limits.MAX_CLIENT_ID_LENGTH;

  private Requests() {}

  /** Parses a message given as UTF-8 bytes; bytes that are not valid UTF-8 are a VALIDATION_ERROR. */
  public static Request parse(byte[] utf8) {
    if (utf8 == null) {
      throw invalid("empty message", null);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("message is not valid UTF-8", null);
    }
    return parse(text);
  }

  /** Parses a message given as text. */
  public static Request parse(String text) {
    if (text == null) {
      throw invalid("empty message", null);
    }
    EnvelopeReader reader = new EnvelopeReader(text);
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      return reader.read(parser);
    } catch (JsonProcessingException e) {
      StreamerError error = ErrorMapper.jsonReadError(e);
      throw new ProtocolException(error.code(), error.message(), error.details(), reader.id);
    } catch (IOException e) { // not expected from an in-memory source; still the client's bytes
      throw new ProtocolException(ErrorCode.VALIDATION_ERROR, ErrorMapper.MALFORMED_JSON, Map.of(), reader.id);
    }
  }

  private static ProtocolException invalid(String message, String clientId) {
    return new ProtocolException(ErrorCode.VALIDATION_ERROR, message, Map.of(), clientId);
  }

  /** One parse; fields are kept so that an error found late can still echo the client's id. */
  private static final class EnvelopeReader {
    private final String text;
    private String id;
    private boolean seenId;
    private String badId;
    private String action;
    private boolean seenAction;
    private String payload;
    private boolean seenPayload;
    /** First problem that does not stop the parse; reported once the whole message proved to be valid JSON. */
    private ErrorCode problemCode;
    private String problemMessage;

    EnvelopeReader(String text) {
      this.text = text;
    }

    Request read(JsonParser parser) throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw invalid("empty message", null);
      }
      if (token != JsonToken.START_OBJECT) {
        parser.skipChildren(); // so that malformed JSON is reported as such rather than as "not an object"
        throw invalid("message must be a JSON object", null);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "id" -> readId(parser, value);
          case "action" -> readAction(parser, value);
          case "payload" -> readPayload(parser);
          default -> parser.skipChildren();
        }
      }
      // The parser only yields FIELD_NAME or END_OBJECT inside an object, so the object is complete here.
      if (parser.nextToken() != null) {
        throw invalid("unexpected content after the message", id);
      }
      if (badId != null) { // outranks the rest: the client could not correlate the reply anyway
        throw invalid(badId, null);
      }
      if (problemCode != null) {
        throw new ProtocolException(problemCode, problemMessage, Map.of(), id);
      }
      if (action == null) {
        throw new ProtocolException(ErrorCode.INVALID_ACTION, "missing action", Map.of(), id);
      }
      return new Request(id, action, payload);
    }

    private void readId(JsonParser parser, JsonToken value) throws IOException {
      if (seenId) {
        problem(ErrorCode.VALIDATION_ERROR, "duplicate field \"id\"");
      }
      seenId = true;
      if (value == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        if (text.length() > MAX_ID_LENGTH) {
          rejectId("id must be at most " + MAX_ID_LENGTH + " characters");
        } else if (badId == null) {
          id = text;
        }
      } else if (value != JsonToken.VALUE_NULL) {
        parser.skipChildren();
        rejectId("id must be a string");
      }
    }

    private void rejectId(String message) {
      id = null; // never echo an id we rejected
      if (badId == null) {
        badId = message;
      }
    }

    private void readAction(JsonParser parser, JsonToken value) throws IOException {
      if (seenAction) {
        problem(ErrorCode.VALIDATION_ERROR, "duplicate field \"action\"");
      }
      seenAction = true;
      if (value == JsonToken.VALUE_STRING) {
        String text = parser.getText();
        if (text.isEmpty()) {
          problem(ErrorCode.INVALID_ACTION, "action must not be empty");
        } else {
          action = text;
        }
      } else {
        parser.skipChildren();
        problem(ErrorCode.INVALID_ACTION, "action must be a string");
      }
    }

    private void readPayload(JsonParser parser) throws IOException {
      if (seenPayload) {
        problem(ErrorCode.VALIDATION_ERROR, "duplicate field \"payload\"");
      }
      seenPayload = true;
      int start = (int) parser.currentTokenLocation().getCharOffset();
      if (parser.currentToken().isStructStart()) {
        parser.skipChildren();
      } else {
        parser.finishToken(); // strings are read lazily; the end offset must be past the closing quote
      }
      int end = (int) parser.currentLocation().getCharOffset();
      payload = text.substring(start, end);
    }

    private void problem(ErrorCode code, String message) {
      if (problemCode == null) {
        problemCode = code;
        problemMessage = message;
      }
    }
  }
}
