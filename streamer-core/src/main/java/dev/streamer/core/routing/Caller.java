package dev.streamer.core.routing;

import java.util.Map;

/**
 * Who sent a message, as established by the transport (the WebSocket connection and its verified token).
 *
 * @param connectionId WebSocket connection id, or null outside a connection
 * @param userId       authenticated user (JWT subject), or null
 * @param tenantId     authenticated tenant, or null
 * @param metadata     extra string attributes (claims kept from the token, for example)
 * @param traceId      trace id to carry from the router to the processor, or null
 */
public record Caller(String connectionId, String userId, String tenantId, Map<String, String> metadata,
    String traceId) {

  public Caller {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** A caller known only by its connection. */
  public static Caller anonymous(String connectionId) {
    return new Caller(connectionId, null, null, Map.of(), null);
  }
}
