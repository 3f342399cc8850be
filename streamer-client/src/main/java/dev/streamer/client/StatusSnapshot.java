package dev.streamer.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.streamer.core.json.Json;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.StreamerError;
import java.io.IOException;

/**
 * The reply of the built-in {@code subscribe} (and {@code status}): a request's status, latest progress and, once
 * finished, its raw result or its error.
 */
record StatusSnapshot(String status, double progress, String message, String result, StreamerError error) {

  static StatusSnapshot parse(String json) {
    String status = null;
    double progress = Double.NaN;
    String message = null;
    String result = null;
    StreamerError error = null;
    try (JsonParser p = Json.FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not an object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "status" -> status = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "progress" -> progress = value.isNumeric() ? p.getDoubleValue() : Double.NaN;
          case "message" -> message = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "result" -> result = ServerMessage.raw(p, json);
          case "error" -> {
            if (value == JsonToken.START_OBJECT) {
              error = ServerMessage.error(p);
            } else {
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed status", e);
    }
    if (status == null) {
      throw new IllegalArgumentException("status missing");
    }
    return new StatusSnapshot(status, progress, message, result, error);
  }

  boolean completed() {
    return "COMPLETED".equals(status);
  }

  boolean failed() {
    return "FAILED".equals(status) || "CANCELLED".equals(status);
  }

  /** The error of a FAILED or CANCELLED request (CANCELLED when the server gave none). */
  StreamerError failure() {
    if (error != null) {
      return error;
    }
    return "CANCELLED".equals(status)
        ? StreamerError.of(ErrorCode.CANCELLED, "request cancelled")
        : StreamerError.of(ErrorCode.INTERNAL_ERROR, "request failed");
  }
}
