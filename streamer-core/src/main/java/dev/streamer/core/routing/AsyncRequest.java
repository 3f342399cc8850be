package dev.streamer.core.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A request accepted for asynchronous execution.
 *
 * @param requestId    server-assigned id
 * @param clientId     the client's message id, echoed on every reply (may be null)
 * @param action       action name
 * @param payload      the payload exactly as received, as JSON text ("null" when absent)
 * @param connectionId connection that sent it
 * @param userId       authenticated user, or null
 * @param tenantId     authenticated tenant, or null
 * @param traceId      X-Ray trace id, or null
 * @param createdAt    when the router accepted it
 * @param metadata     extra string attributes
 */
public record AsyncRequest(
    String requestId,
    String clientId,
    String action,
    String payload,
    String connectionId,
    String userId,
    String tenantId,
    String traceId,
    Instant createdAt,
    Map<String, String> metadata) {

  public AsyncRequest {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
