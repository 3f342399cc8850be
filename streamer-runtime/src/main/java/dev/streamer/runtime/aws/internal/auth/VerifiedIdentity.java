package dev.streamer.runtime.aws.internal.auth;

import java.util.Map;
import java.util.Objects;

/**
 * Who a verified token belongs to.
 *
 * @param userId   value of the user claim ({@code sub} by default)
 * @param tenantId value of the tenant claim ({@code tenant_id} by default)
 * @param claims   the claims configured to be kept ({@code JWT_KEEP_CLAIMS}), as strings; stored with the connection
 */
public record VerifiedIdentity(String userId, String tenantId, Map<String, String> claims) {

  public VerifiedIdentity {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tenantId, "tenantId");
    claims = claims == null ? Map.of() : Map.copyOf(claims);
  }
}
