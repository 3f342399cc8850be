package dev.streamer.core.protocol;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.json.Unicode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The client's envelope {@code {"id": ..., "action": ..., "payload": ...}}: {@link #read(byte[], PayloadDecoder)}
 * parses it in one streaming pass, and can decode the payload in that same pass; an instance is one message read,
 * with its fields, the payload's place in the message (its exact text is only made when asked for, for a queued
 * request) and the payload already decoded when the decoder could do so.
 *
 * <p>Rules: {@code id} is a string of at most {@value #MAX_ID_LENGTH} characters, null or absent; {@code action} is a
 * non-empty string; {@code payload} is any JSON value, kept as the exact text the client sent; other top-level fields
 * are ignored; each of the three may appear once. The message is valid Unicode (I-JSON, RFC 7493): well-formed UTF-8
 * and no unpaired surrogate, escaped ({@code \}{@code ud800}) or not, in any string. Anything else is a
 * {@link ProtocolException}: VALIDATION_ERROR for malformed JSON, invalid Unicode, a non-object, a bad {@code id}, a
 * duplicate field or a limit of {@link Json#FACTORY}; INVALID_ACTION for a missing, empty or non-string
 * {@code action}. The exception carries the client's {@code id} when that was read and valid. No other exception
 * escapes, whatever the input.
 *
 * <p>An instance is filled by its own read and not safe to share between threads without synchronisation (the
 * router reads and uses one on the same thread).
 */
public final class Envelope {

  /** Longest client correlation id accepted, in characters. */
  public static final int MAX_ID_LENGTH = Limits.MAX_CLIENT_ID_LENGTH;

  static final String NOT_UTF8 = "message is not valid UTF-8";
  static final String LONE_SURROGATE = "message contains an unpaired surrogate (invalid Unicode)";

  /**
   * Decodes the payload during the envelope's pass, with the parser on the payload's first token; it must leave the
   * parser on the payload's last token, as Jackson's readers do. Called only when the action came before the
   * payload; it returns {@link #SKIP} for an action it does not know.
   */
  @FunctionalInterface
  public interface PayloadDecoder {
    Object decode(String action, JsonParser parser) throws IOException;
  }

  /** What a {@link PayloadDecoder} returns to leave the payload undecoded. */
  public static final Object SKIP = new Object();

  /** Parses a message given as UTF-8 bytes; bytes that are not valid UTF-8 are a VALIDATION_ERROR. */
  public static Request parse(byte[] utf8) {
    return read(utf8, null).toRequest();
  }

  /** Parses a message given as text. */
  public static Request parse(String text) {
    return read(text, null).toRequest();
  }

  /** Reads a message given as UTF-8 bytes, decoding its payload with {@code decoder} (may be null) on the way. */
  public static Envelope read(byte[] utf8, PayloadDecoder decoder) {
    if (utf8 == null) {
      throw invalid("empty message", null);
    }
    if (utf8.length >= 3 && (utf8[0] & 0xFF) == 0xEF && (utf8[1] & 0xFF) == 0xBB && (utf8[2] & 0xFF) == 0xBF) {
      throw invalid(ErrorMapper.MALFORMED_JSON, null); // a byte order mark, which Jackson would skip (RFC 8259 §8.1)
    }
    int problem = Unicode.firstProblem(utf8, 0, utf8.length);
    String unicode = problem < 0 ? null : Unicode.isEscape(utf8, problem) ? LONE_SURROGATE : NOT_UTF8;
    Envelope reader = new Envelope(utf8, null, problem, unicode, decoder);
    try (JsonParser parser = Json.FACTORY.createParser(utf8)) {
      return reader.readEnvelope(parser);
    } catch (JsonProcessingException e) {
      throw reader.parseFailure(e);
    } catch (IOException e) { // not expected from an in-memory source; still the client's bytes
      throw reader.ioFailure();
    }
  }

  /** Reads a message given as text, decoding its payload with {@code decoder} (may be null) on the way. */
  public static Envelope read(String text, PayloadDecoder decoder) {
    if (text == null) {
      throw invalid("empty message", null);
    }
    int problem = Unicode.firstProblem(text);
    Envelope reader = new Envelope(null, text, problem, problem < 0 ? null : LONE_SURROGATE, decoder);
    try (JsonParser parser = Json.FACTORY.createParser(text)) {
      return reader.readEnvelope(parser);
    } catch (JsonProcessingException e) {
      throw reader.parseFailure(e);
    } catch (IOException e) {
      throw reader.ioFailure();
    }
  }

  // What this class throws is built by ProtocolException.of, typed as RuntimeException: see there.
  private static RuntimeException invalid(String message, String clientId) {
    return ProtocolException.of(ErrorCode.VALIDATION_ERROR, message, Map.of(), clientId);
  }

  // One read is an instance of this class: its fields are the parse's state, kept so that an error found late can
  // still echo the client's id, and then the message read (a reader class beside the message's would be one more
  // class on every cold start). Not shared between threads.
  private final byte[] bytes;
  private final String text;
  /** Offset of the first invalid Unicode, or -1; reported once the id had its chance to be read. */
  private final int unicodeOffset;
  private final String unicodeProblem;
  private final PayloadDecoder decoder;
  private String id;
  private boolean seenId;
  private String badId;
  private String action;
  private boolean seenAction;
  private int payloadStart = -1;
  private int payloadEnd = -1;
  private boolean seenPayload;
  private boolean decoded;
  private Object payload;
  private RuntimeException fault;
  /** First problem that does not stop the parse; reported once the whole message proved to be valid JSON. */
  private ErrorCode problemCode;
  private String problemMessage;

  private Envelope(byte[] bytes, String text, int unicodeOffset, String unicodeProblem, PayloadDecoder decoder) {
    this.bytes = bytes;
    this.text = text;
    this.unicodeOffset = unicodeOffset;
    this.unicodeProblem = unicodeProblem;
    this.decoder = decoder;
  }

  /** The client's correlation id, or null. */
  public String id() {
    return id;
  }

  /** The action name, never empty. */
  public String action() {
    return action;
  }

  /** True when the payload was decoded during the envelope's pass (see {@link #payload()}). */
  public boolean decoded() {
    return decoded;
  }

  /**
   * The decoded payload; only when {@link #decoded()}.
   *
   * @throws RuntimeException what the decoder threw (a {@link JsonDecodeException} for a payload of the wrong
   *                          shape), kept until the whole envelope proved valid
   */
  public Object payload() {
    if (!decoded) {
      throw new IllegalStateException("payload not decoded");
    }
    if (fault != null) {
      throw fault;
    }
    return payload;
  }

  /** The payload exactly as written, as JSON text; {@code "null"} when absent. */
  public String payloadJson() {
    if (payloadStart < 0) {
      return "null";
    }
    return bytes != null ? new String(bytes, payloadStart, payloadEnd - payloadStart, StandardCharsets.UTF_8)
        : text.substring(payloadStart, payloadEnd);
  }

  /** A parser over the payload alone, not yet advanced; over {@code null} when the message has none. */
  public JsonParser payloadParser() throws IOException {
    if (payloadStart < 0) {
      return Json.FACTORY.createParser("null");
    }
    return bytes != null ? Json.FACTORY.createParser(bytes, payloadStart, payloadEnd - payloadStart)
        : Json.FACTORY.createParser(text.substring(payloadStart, payloadEnd));
  }

  /** The message as a {@link Request}, payload as text. */
  public Request toRequest() {
    return new Request(id, action, payloadJson());
  }

  private Envelope readEnvelope(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw invalid("empty message", null);
    }
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren(); // so that malformed JSON is reported as such rather than as "not an object"
      throw invalid(unicodeProblem != null ? unicodeProblem : "message must be a JSON object", null);
    }
    JsonStreamContext envelope = parser.getParsingContext();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "id" -> readId(parser, value);
        case "action" -> readAction(parser, value);
        case "payload" -> readPayload(parser, envelope);
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
    if (unicodeProblem != null) {
      throw invalid(unicodeProblem, id);
    }
    if (problemCode != null) {
      throw ProtocolException.of(problemCode, problemMessage, Map.of(), id);
    }
    if (action == null) {
      throw ProtocolException.of(ErrorCode.INVALID_ACTION, "missing action", Map.of(), id);
    }
    return this;
  }

  /** Jackson stopped: invalid Unicode explains it best when there is some, else Jackson's own reason. */
  private RuntimeException parseFailure(JsonProcessingException e) {
    if (unicodeProblem != null) {
      return invalid(unicodeProblem, badId == null ? id : null);
    }
    StreamerError error = ErrorMapper.jsonReadError(e);
    return ProtocolException.of(error.code(), error.message(), error.details(), badId == null ? id : null);
  }

  private RuntimeException ioFailure() {
    return ProtocolException.of(ErrorCode.VALIDATION_ERROR, ErrorMapper.MALFORMED_JSON, Map.of(), id);
  }

  private void readId(JsonParser parser, JsonToken value) throws IOException {
    if (seenId) {
      problem(ErrorCode.VALIDATION_ERROR, "duplicate field \"id\"");
    }
    seenId = true;
    if (value == JsonToken.VALUE_STRING) {
      int start = unicodeOffset < 0 ? 0 : tokenStart(parser);
      String text = parser.getText();
      if (unicodeOffset >= 0 && unicodeOffset >= start && unicodeOffset < end(parser)) {
        rejectId(unicodeProblem);
      } else if (text.length() > MAX_ID_LENGTH) {
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

  private void readPayload(JsonParser parser, JsonStreamContext envelope) throws IOException {
    if (seenPayload) {
      problem(ErrorCode.VALIDATION_ERROR, "duplicate field \"payload\"");
      parser.skipChildren();
      return;
    }
    seenPayload = true;
    payloadStart = tokenStart(parser);
    Object value = SKIP;
    if (decoder != null && action != null && unicodeProblem == null && problemCode == null && badId == null) {
      try {
        value = decoder.decode(action, parser);
      } catch (JsonProcessingException | VirtualMachineError e) {
        throw e; // malformed JSON or a read limit: the envelope's fault as much as the payload's
      } catch (RuntimeException e) {
        // reported only if the rest of the envelope is valid; tested, not caught by name: a catch clause naming
        // JsonDecodeException would load it on every cold start
        fault = e instanceof JsonDecodeException ? relativeToPayload(e) : e;
        value = null;
      }
      decoded = value != SKIP;
      payload = decoded ? value : null;
    }
    if (!decoded && parser.currentToken().isStructStart()) {
      parser.skipChildren();
    }
    // Leave the parser on the payload's last token whatever the decoder did, then take the end offset.
    while (parser.getParsingContext() != envelope) {
      if (parser.nextToken() == null) {
        throw new JsonParseException(parser, "unexpected end of input in the payload");
      }
    }
    parser.finishToken(); // strings are read lazily: a payload string is checked whole before its range is kept
    payloadEnd = end(parser);
  }

  /**
   * The decoder's parser is the envelope's, so its paths start at the envelope's {@code payload} field; the client
   * is told paths within the payload, as when the payload is decoded on its own.
   */
  private static RuntimeException relativeToPayload(RuntimeException fault) {
    JsonDecodeException e = (JsonDecodeException) fault;
    String path = e.path() == null ? "" : e.path();
    if (path.equals("payload")) {
      path = "";
    } else if (path.startsWith("payload.")) {
      path = path.substring("payload.".length());
    } else if (path.startsWith("payload[")) {
      path = path.substring("payload".length());
    } else {
      return fault;
    }
    return JsonDecodeException.of(path, e.getMessage());
  }

  /**
   * Offset of the first byte (or char, for text) of the current value token. Read from the parser's counter, not
   * from {@code currentTokenLocation()}, which allocates a {@code JsonLocation} (a class more at cold start) and
   * reports the same counter less one. Parsers of {@link Json#FACTORY} over a byte array or a string are
   * {@link ParserBase}s.
   */
  private static int tokenStart(JsonParser parser) {
    return (int) ((ParserBase) parser).getTokenCharacterOffset() - 1;
  }

  /**
   * Offset just past the value token the parser is on, found from its start: Jackson has checked its syntax, so a
   * scalar ends at its closing quote (strings) or at its last letter, digit, sign or dot (numbers, true, false,
   * null). In UTF-8 no byte of a multi-byte character is a quote or a backslash.
   */
  private int end(JsonParser parser) {
    int at = tokenStart(parser);
    JsonToken token = parser.currentToken();
    if (token.isStructEnd()) {
      return at + 1;
    }
    if (token == JsonToken.VALUE_STRING) {
      at++; // the opening quote
      for (int c = charAt(at); c != '"'; c = charAt(at)) {
        at += c == '\\' ? 2 : 1; // an escape's second character may be a quote
      }
      return at + 1;
    }
    int length = bytes != null ? bytes.length : text.length();
    while (at < length && isLiteralPart(charAt(at))) {
      at++;
    }
    return at;
  }

  private int charAt(int offset) {
    return bytes != null ? bytes[offset] : text.charAt(offset);
  }

  private static boolean isLiteralPart(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+'
        || c == '.';
  }

  private void problem(ErrorCode code, String message) {
    if (problemCode == null) {
      problemCode = code;
      problemMessage = message;
    }
  }
}
