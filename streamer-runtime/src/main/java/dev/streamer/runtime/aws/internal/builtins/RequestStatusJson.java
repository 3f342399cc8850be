package dev.streamer.runtime.aws.internal.builtins;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import java.io.IOException;
import java.time.Instant;

/**
 * A request's state as the built-ins answer it: {@code requestId, action, status, progress, message, result (raw
 * JSON, once COMPLETED), error {code, message}, createdAt, started, ended, retryCount, maxRetries, retryAfter}.
 * Absent values are left out; times are ISO-8601. Never includes the payload or internal lease data.
 */
final class RequestStatusJson {

  private RequestStatusJson() {}

  static void write(JsonGenerator g, RequestRecord r) throws IOException {
    g.writeStartObject();
    writeFields(g, r);
    g.writeEndObject();
  }

  static void writeFields(JsonGenerator g, RequestRecord r) throws IOException {
    g.writeStringField("requestId", r.requestId());
    g.writeStringField("action", r.action());
    g.writeStringField("status", r.status().name());
    if (r.progress() != null) {
      g.writeNumberField("progress", r.progress());
    }
    if (r.progressMessage() != null) {
      g.writeStringField("message", r.progressMessage());
    }
    if (r.result() != null) {
      g.writeFieldName("result");
      g.writeRawValue(r.result());
    }
    if (r.errorCode() != null && r.status().isTerminal()) {
      g.writeObjectFieldStart("error");
      g.writeStringField("code", r.errorCode());
      g.writeStringField("message", r.errorMessage());
      g.writeEndObject();
    }
    time(g, "createdAt", r.createdAt());
    time(g, "started", r.started());
    time(g, "ended", r.ended());
    g.writeNumberField("retryCount", r.retryCount());
    g.writeNumberField("maxRetries", r.maxRetries());
    if (!r.status().isTerminal()) {
      time(g, "retryAfter", r.retryAfter());
    }
    if (r.cancelRequested()) {
      g.writeBooleanField("cancelRequested", true);
    }
  }

  private static void time(JsonGenerator g, String name, Instant value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value.toString());
    }
  }
}
