package dev.streamer.core.protocol;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.streamer.core.json.Json;
import dev.streamer.core.validation.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Writes the server → client messages of the wire protocol as JSON text, or as its UTF-8 bytes ({@code …Utf8}
 * methods, written straight by Jackson's byte generator: what the router answers with). Every message starts with
 * {@code type}, {@code id} (the client's correlation id, null when it sent none) and {@code requestId} (null when the
 * frame could not be parsed):
 *
 * <pre>{@code
 * {"type":"ack","id":"c-1","requestId":"5f0c…","action":"generate_report","status":"queued"}
 * {"type":"progress","id":"c-1","requestId":"5f0c…","progress":0.42,"message":"Reading records"}
 * {"type":"result","id":"c-1","requestId":"5f0c…","success":true,"data":{…}}
 * {"type":"error","id":"c-1","requestId":"5f0c…","success":false,"error":{"code":"…","message":"…","details":{…},"retry":{"retryable":false}}}
 * }</pre>
 *
 * <p>Server events ({@link #event}) are pushed without a request, so they carry neither {@code id} nor
 * {@code requestId}: {@code {"type":"event","event":"invoice_ready","data":{…}}}.
 */
public final class Messages {

  /**
   * The error message of a result too large to answer: over API Gateway's 128 KB message limit for a sync reply
   * ({@link Limits#MAX_MESSAGE_BYTES}), over the requests table's result limit for a queued one.
   */
  public static final String RESULT_TOO_LARGE = "result too large";

  /** The message of an error whose own message or details would take it over API Gateway's 128 KB limit. */
  public static final String ERROR_TOO_LARGE = "error too large to send";

  /** Nesting depth of error details beyond which values are written as null (guards against cyclic maps). */
  private static final int MAX_DETAILS_DEPTH = 32;

  // Names and fixed values of the envelope, encoded once: Jackson copies their quoted UTF-8 bytes instead of escaping
  // them character by character, which was a tenth of a small request's time.
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString ID = new SerializedString("id");
  private static final SerializedString REQUEST_ID = new SerializedString("requestId");
  private static final SerializedString SUCCESS = new SerializedString("success");
  private static final SerializedString DATA = new SerializedString("data");
  private static final SerializedString ERROR = new SerializedString("error"); // a field and a type
  private static final SerializedString CODE = new SerializedString("code");
  private static final SerializedString MESSAGE = new SerializedString("message");
  private static final SerializedString DETAILS = new SerializedString("details");
  private static final SerializedString PATH = new SerializedString("path");
  private static final SerializedString CONSTRAINT = new SerializedString("constraint");
  private static final SerializedString RETRY = new SerializedString("retry");
  private static final SerializedString RETRYABLE = new SerializedString("retryable");
  private static final SerializedString TYPE_RESULT = new SerializedString("result");
  private static final SerializedString TYPE_ACK = new SerializedString("ack");
  private static final SerializedString TYPE_PROGRESS = new SerializedString("progress");

  /** Writes one JSON value, the {@code data} of a result. */
  @FunctionalInterface
  public interface DataWriter {
    void write(JsonGenerator generator) throws IOException;
  }

  private Messages() {}

  /** Acknowledges that a request was queued for asynchronous execution. */
  public static String ack(String clientId, String requestId, String action) {
    return new String(ackUtf8(clientId, requestId, action), StandardCharsets.UTF_8);
  }

  /** {@link #ack} as UTF-8 bytes. */
  public static byte[] ackUtf8(String clientId, String requestId, String action) {
    Utf8Out out = new Utf8Out();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      start(g, TYPE_ACK, clientId, requestId);
      g.writeStringField("action", action);
      g.writeStringField("status", "queued");
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // plain values into memory: a bug in this class
    }
    return out.toByteArray();
  }

  /**
   * Reports progress as a fraction from 0.0 to 1.0 (clamped; NaN counts as 0). {@code message} may be null, then it
   * is left out.
   */
  public static String progress(String clientId, String requestId, double fraction, String message) {
    double clamped = Double.isNaN(fraction) ? 0.0 : Math.max(0.0, Math.min(1.0, fraction));
    return unchecked(g -> {
      start(g, TYPE_PROGRESS, clientId, requestId);
      g.writeNumberField("progress", clamped);
      if (message != null) {
        g.writeStringField("message", message);
      }
    });
  }

  /**
   * A successful result whose {@code data} is written by {@code data}, which must write exactly one JSON value
   * ({@code writeNull()} for void). Throws whatever {@code data} throws; nothing partial is returned.
   */
  public static String result(String clientId, String requestId, DataWriter data) throws IOException {
    return new String(resultUtf8(clientId, requestId, data), StandardCharsets.UTF_8);
  }

  /** {@link #result(String, String, DataWriter)} as UTF-8 bytes. */
  public static byte[] resultUtf8(String clientId, String requestId, DataWriter data) throws IOException {
    try (JsonGenerator g = startResult(clientId, requestId)) {
      data.write(g);
      return finishResult(g);
    }
  }

  /**
   * Starts a result message as UTF-8 bytes and returns its generator, positioned where the {@code data} value goes:
   * write exactly one JSON value, then {@link #finishResult}. The caller closes the generator if it does not get
   * that far (try-with-resources; closing twice is harmless). The same message as {@link #resultUtf8}, for a caller
   * that writes the value itself rather than through a {@link DataWriter}.
   */
  public static JsonGenerator startResult(String clientId, String requestId) throws IOException {
    JsonGenerator g = Json.FACTORY.createGenerator(new Utf8Out());
    start(g, TYPE_RESULT, clientId, requestId);
    g.writeFieldName(SUCCESS);
    g.writeBoolean(true);
    g.writeFieldName(DATA);
    return g;
  }

  /**
   * Ends a result message begun by {@link #startResult} and returns its bytes.
   *
   * @throws JsonGenerationException when the value written was not exactly one complete JSON value
   */
  public static byte[] finishResult(JsonGenerator g) throws IOException {
    // Jackson would happily close the object after a dangling field name or an unclosed value. The message object
    // holds type, id, requestId, success and data: five entries once data has its one value.
    JsonStreamContext message = g.getOutputContext();
    if (!(g.getOutputTarget() instanceof Utf8Out out) || !message.inObject() || message.getParent() == null
        || !message.getParent().inRoot() || message.getEntryCount() != RESULT_ENTRIES) {
      throw new JsonGenerationException("result writer must write exactly one complete JSON value", g);
    }
    g.writeEndObject();
    g.close();
    return out.toByteArray();
  }

  /** Fields of a result message. */
  private static final int RESULT_ENTRIES = 5;

  /**
   * A server event, pushed without a request: {@code {"type":"event","event":"invoice_ready","data":{…}}}.
   * {@code data} must write exactly one JSON value; throws whatever it throws.
   */
  public static String event(String event, DataWriter data) throws IOException {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "event");
      g.writeStringField("event", event);
      g.writeFieldName("data");
      JsonStreamContext message = g.getOutputContext();
      int entries = message.getEntryCount();
      data.write(g);
      if (g.getOutputContext() != message || message.getEntryCount() != entries + 1) {
        throw new JsonGenerationException("event writer must write exactly one complete JSON value", g);
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  /** A successful result whose {@code data} is already JSON text (null or {@code "null"} for void). */
  public static String result(String clientId, String requestId, String rawDataJson) {
    return unchecked(g -> {
      start(g, TYPE_RESULT, clientId, requestId);
      g.writeFieldName(SUCCESS);
      g.writeBoolean(true);
      g.writeFieldName(DATA);
      if (rawDataJson == null) {
        g.writeNull();
      } else {
        g.writeRawValue(rawDataJson);
      }
    });
  }

  /**
   * A failed request. {@code retry} is always present: when the error carries no retry information it says whether
   * the code is retryable; otherwise it has {@code retryable}, {@code after} (ISO-8601), {@code maxTries} and
   * {@code attempt}, leaving out null and zero parts.
   */
  public static String error(String clientId, String requestId, StreamerError error) {
    return new String(errorUtf8(clientId, requestId, error), StandardCharsets.UTF_8);
  }

  /** {@link #error} as UTF-8 bytes. */
  public static byte[] errorUtf8(String clientId, String requestId, StreamerError error) {
    Utf8Out out = new Utf8Out();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      start(g, ERROR, clientId, requestId);
      g.writeFieldName(SUCCESS);
      g.writeBoolean(false);
      g.writeFieldName(ERROR);
      g.writeStartObject();
      g.writeFieldName(CODE);
      g.writeString(error.code().name());
      g.writeFieldName(MESSAGE);
      g.writeString(error.message());
      g.writeFieldName(DETAILS);
      writeDetails(g, error.details(), 0);
      writeRetry(g, error);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // plain values into memory: a bug in this class
    }
    return out.toByteArray();
  }

  private static void start(JsonGenerator g, SerializableString type, String clientId, String requestId)
      throws IOException {
    g.writeStartObject();
    g.writeFieldName(TYPE);
    g.writeString(type);
    g.writeFieldName(ID);
    g.writeString(clientId);
    g.writeFieldName(REQUEST_ID);
    g.writeString(requestId);
  }

  private static void writeRetry(JsonGenerator g, StreamerError error) throws IOException {
    RetryInfo retry = error.retry();
    g.writeFieldName(RETRY);
    g.writeStartObject();
    g.writeFieldName(RETRYABLE);
    if (retry == null) {
      g.writeBoolean(error.code().retryable());
    } else {
      g.writeBoolean(retry.retryable());
      if (retry.after() != null) {
        g.writeStringField("after", retry.after().toString());
      }
      if (retry.maxTries() > 0) {
        g.writeNumberField("maxTries", retry.maxTries());
      }
      if (retry.attempt() > 0) {
        g.writeNumberField("attempt", retry.attempt());
      }
    }
    g.writeEndObject();
  }

  /**
   * Plain values only: maps, collections, arrays, strings, numbers, booleans, enums (by name), null, and
   * {@link Violation}s as {path, constraint, message}. Anything else is written as its {@code toString()}.
   */
  private static void writeDetails(JsonGenerator g, Object value, int depth) throws IOException {
    if (value == null || depth > MAX_DETAILS_DEPTH) {
      g.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeDetails(g, e.getValue(), depth + 1);
      }
      g.writeEndObject();
    } else if (value instanceof Collection<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        writeDetails(g, item, depth + 1);
      }
      g.writeEndArray();
    } else if (value instanceof Object[] array) {
      g.writeStartArray();
      for (Object item : array) {
        writeDetails(g, item, depth + 1);
      }
      g.writeEndArray();
    } else if (value instanceof Violation v) {
      g.writeStartObject();
      g.writeFieldName(PATH);
      g.writeString(v.path());
      g.writeFieldName(CONSTRAINT);
      g.writeString(v.constraint());
      g.writeFieldName(MESSAGE);
      g.writeString(v.message());
      g.writeEndObject();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Number n) {
      writeNumber(g, n);
    } else if (value instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      g.writeString(String.valueOf(value));
    }
  }

  private static void writeNumber(JsonGenerator g, Number n) throws IOException {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      g.writeNumber(n.longValue());
    } else if (n instanceof BigInteger big) {
      g.writeNumber(big);
    } else if (n instanceof BigDecimal big) {
      g.writeNumber(big);
    } else if (Double.isFinite(n.doubleValue())) {
      g.writeNumber(n.doubleValue());
    } else {
      g.writeString(String.valueOf(n)); // NaN and infinities are not JSON numbers
    }
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** For messages built only from plain values, where an IOException would be a bug in this class. */
  private static String unchecked(Body body) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
