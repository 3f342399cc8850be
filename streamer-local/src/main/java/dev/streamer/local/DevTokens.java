package dev.streamer.local;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Development JWTs for the local stack: HS256, signed with the stack's development secret. */
public final class DevTokens {

  private DevTokens() {}

  /**
   * A token for {@code user} in {@code tenant}, valid from {@code now} for {@code ttl}. The claim names are the ones
   * the stack's JWT configuration reads ({@code sub} and {@code tenant_id} unless configured otherwise).
   */
  public static String mint(String secret, String userClaim, String user, String tenantClaim, String tenant,
      Instant now, Duration ttl) {
    return JWT.create()
        .withClaim(userClaim, user)
        .withClaim(tenantClaim, tenant)
        .withIssuedAt(now)
        .withExpiresAt(now.plus(ttl))
        .sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)));
  }
}
