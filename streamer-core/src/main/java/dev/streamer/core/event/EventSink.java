package dev.streamer.core.event;

import dev.streamer.core.Delivery;

/**
 * Delivers an encoded event message to connections, always within one tenant. Implemented by the runtime
 * ({@code dev.streamer.runtime.aws.internal.connections.EventBroadcaster}); {@link ScopedNotifier} encodes, checks the size
 * and picks the tenant, so a sink only sends. No method throws because of one connection.
 */
public interface EventSink {

  /** Every connection of {@code userId} whose tenant is {@code tenantId}. */
  Delivery toUser(String tenantId, String userId, String event, String message);

  /** Every connection of {@code tenantId}. */
  Delivery toTenant(String tenantId, String event, String message);

  /** Connection {@code connectionId} if its tenant is {@code tenantId}; {@link Delivery#NONE} otherwise. */
  Delivery toConnection(String tenantId, String connectionId, String event, String message);
}
