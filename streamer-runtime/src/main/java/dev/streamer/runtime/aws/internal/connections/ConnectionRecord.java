package dev.streamer.runtime.aws.internal.connections;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One open WebSocket connection, as stored in the connections table.
 *
 * @param connectionId API Gateway's connection id (the table key)
 * @param userId       user from the token (index {@code user-connections})
 * @param tenantId     tenant from the token (index {@code tenant-connections})
 * @param endpoint     Management API endpoint of the connection, {@code https://{domainName}/{stage}}
 * @param connectedAt  when {@code $connect} stored it
 * @param lastPing     last sign of life (connect, or a later {@link ConnectionStore#touch})
 * @param claims       claims kept from the token
 * @param expiresAt    when DynamoDB's TTL may delete the item (stored as epoch seconds in {@code ttl})
 */
public record ConnectionRecord(
    String connectionId,
    String userId,
    String tenantId,
    String endpoint,
    Instant connectedAt,
    Instant lastPing,
    Map<String, String> claims,
    Instant expiresAt) {

  public ConnectionRecord {
    Objects.requireNonNull(connectionId, "connectionId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(connectedAt, "connectedAt");
    Objects.requireNonNull(lastPing, "lastPing");
    Objects.requireNonNull(expiresAt, "expiresAt");
    claims = claims == null ? Map.of() : Map.copyOf(claims);
  }

  /** True once the TTL has passed: DynamoDB deletes such items lazily, so readers treat them as gone. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
