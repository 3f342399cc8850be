package dev.streamer.runtime.aws.internal.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the stream processor sends the worker function for one request of an isolated action: the request id and
 * the {@code attempts} it saw, as the JSON event {@code {"requestId":"…","attempt":0}} (a map to the handler).
 *
 * @param requestId the request
 * @param attempt   its {@code attempts} when dispatched; the worker claims only while it is still that
 */
public record WorkerJob(String requestId, int attempt) {

  public WorkerJob {
    Objects.requireNonNull(requestId, "requestId");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must be >= 0");
    }
  }

  /** The event as the worker's handler receives it. */
  public Map<String, Object> toEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("requestId", requestId);
    event.put("attempt", attempt);
    return event;
  }

  /** The invocation payload: {@code {"requestId":"…","attempt":0}} (request ids are UUIDs: nothing to escape). */
  public String toJson() {
    return "{\"requestId\":\"" + requestId.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"attempt\":"
        + attempt + "}";
  }

  /** Reads {@link #toEvent()}; {@link IllegalArgumentException} when it is not a worker event. */
  public static WorkerJob fromEvent(Map<String, Object> event) {
    Object id = event == null ? null : event.get("requestId");
    Object attempt = event == null ? null : event.get("attempt");
    if (!(id instanceof String requestId) || !(attempt instanceof Number number)) {
      throw new IllegalArgumentException("not a worker event: " + event);
    }
    return new WorkerJob(requestId, number.intValue());
  }
}
