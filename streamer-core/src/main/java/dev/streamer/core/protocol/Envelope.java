package dev.streamer.core.protocol;

import com.fasterxml.jackson.core.JsonParser;
import dev.streamer.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A client message read by {@link Requests#read}: the envelope's fields, the payload's place in the message (its
 * exact text is only made when asked for, for a queued request), and the payload already decoded when a
 * {@link Requests.PayloadDecoder} could do so during the same pass.
 */
public final class Envelope {

  private final String id;
  private final String action;
  private final byte[] bytes;
  private final String text;
  private final int start;
  private final int end;
  private final boolean decoded;
  private final Object payload;
  private final RuntimeException fault;

  Envelope(String id, String action, byte[] bytes, String text, int start, int end, boolean decoded,
      Object payload, RuntimeException fault) {
    this.id = id;
    this.action = action;
    this.bytes = bytes;
    this.text = text;
    this.start = start;
    this.end = end;
    this.decoded = decoded;
    this.payload = payload;
    this.fault = fault;
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
   * @throws RuntimeException what the decoder threw (a {@link dev.streamer.core.json.JsonDecodeException} for a
   *                          payload of the wrong shape), kept until the whole envelope proved valid
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
    if (start < 0) {
      return "null";
    }
    return bytes != null ? new String(bytes, start, end - start, StandardCharsets.UTF_8) : text.substring(start, end);
  }

  /** A parser over the payload alone, not yet advanced; over {@code null} when the message has none. */
  public JsonParser payloadParser() throws IOException {
    if (start < 0) {
      return Json.FACTORY.createParser("null");
    }
    return bytes != null ? Json.FACTORY.createParser(bytes, start, end - start)
        : Json.FACTORY.createParser(text.substring(start, end));
  }

  /** The message as a {@link Request}, payload as text. */
  public Request toRequest() {
    return new Request(id, action, payloadJson());
  }
}
