package dev.streamer.core.protocol;

import java.util.Objects;

/**
 * A client message, parsed: {@code {"id": "c-1", "action": "generate_report", "payload": {...}}}.
 *
 * @param id          the client's correlation id, echoed on every reply, or null when the client sent none
 * @param action      action name (non-empty)
 * @param payloadJson the payload exactly as the client wrote it, as JSON text; {@code "null"} when absent. Kept as
 *                    text so that a queued request stores what was received, byte for byte.
 */
public record Request(String id, String action, String payloadJson) {

  public Request {
    Objects.requireNonNull(action, "action");
    payloadJson = payloadJson == null ? "null" : payloadJson;
  }
}
