package dev.streamer.runtime.aws.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JWT matrix of issue 3, for each pinned algorithm. */
class JwtVerifierTest {

  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final JwtVerifier hs = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256).secret(TestTokens.SECRET)
      .keptClaims(List.of("email", "roles", "absent")).build(), CLOCK);
  private final JwtVerifier rs = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.RS256)
      .publicKey(TestTokens.RSA.getPublic()).build(), CLOCK);
  private final JwtVerifier es = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.ES256)
      .publicKey(TestTokens.EC.getPublic()).build(), CLOCK);

  @Test
  void validHs256TokenGivesUserTenantAndKeptClaims() throws Exception {
    String token = TestTokens.valid(NOW).withClaim("email", "a@example.com")
        .withArrayClaim("roles", new String[] {"admin", "ops"}).sign(TestTokens.hs256());
    VerifiedIdentity identity = hs.verify(token);
    assertEquals("user-1", identity.userId());
    assertEquals("tenant-1", identity.tenantId());
    assertEquals(Map.of("email", "a@example.com", "roles", "[\"admin\",\"ops\"]"), identity.claims());
  }

  @Test
  void validRs256AndEs256Tokens() throws Exception {
    assertEquals("user-1", rs.verify(TestTokens.valid(NOW).sign(TestTokens.rs256(TestTokens.RSA))).userId());
    assertEquals("tenant-1", es.verify(TestTokens.valid(NOW).sign(TestTokens.es256(TestTokens.EC))).tenantId());
  }

  @Test
  void expiredBeyondLeewayIsRefusedWithinLeewayAccepted() throws Exception {
    String expired = TestTokens.valid(NOW.minusSeconds(7200)).withExpiresAt(NOW.minusSeconds(31))
        .sign(TestTokens.hs256());
    assertFailure(AuthFailure.EXPIRED, hs, expired);
    String justExpired = TestTokens.valid(NOW.minusSeconds(7200)).withExpiresAt(NOW.minusSeconds(29))
        .sign(TestTokens.hs256());
    assertEquals("user-1", hs.verify(justExpired).userId());
  }

  @Test
  void notBeforeInTheFutureIsRefusedBeyondLeeway() throws Exception {
    assertFailure(AuthFailure.NOT_YET_VALID, hs,
        TestTokens.valid(NOW).withNotBefore(NOW.plusSeconds(120)).sign(TestTokens.hs256()));
    assertEquals("user-1",
        hs.verify(TestTokens.valid(NOW).withNotBefore(NOW.plusSeconds(20)).sign(TestTokens.hs256())).userId());
  }

  @Test
  void issuedInTheFutureIsRefused() {
    assertFailure(AuthFailure.INVALID_CLAIM, hs,
        TestTokens.valid(NOW).withIssuedAt(NOW.plusSeconds(600)).sign(TestTokens.hs256()));
  }

  @Test
  void wrongKeyIsRefused() {
    assertFailure(AuthFailure.BAD_SIGNATURE, hs,
        TestTokens.valid(NOW).sign(Algorithm.HMAC256("another-secret-that-is-also-long-enough!!")));
    assertFailure(AuthFailure.BAD_SIGNATURE, rs, TestTokens.valid(NOW).sign(TestTokens.rs256(TestTokens.OTHER_RSA)));
  }

  @Test
  void tamperedPayloadIsRefused() {
    String token = TestTokens.valid(NOW).sign(TestTokens.hs256());
    String[] parts = token.split("\\.");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("{\"sub\":\"user-1\",\"tenant_id\":\"tenant-2\",\"exp\":" + NOW.plusSeconds(3600).getEpochSecond() + "}")
            .getBytes(StandardCharsets.UTF_8));
    assertFailure(AuthFailure.BAD_SIGNATURE, hs, parts[0] + "." + forged + "." + parts[2]);
  }

  @Test
  void algNoneIsRefusedWhateverThePinnedAlgorithm() {
    String none = TestTokens.valid(NOW).sign(Algorithm.none());
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, hs, none);
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, rs, none);
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, es, none);
    // also with a signature part present and the header spelled "None"
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"None\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, hs, header + "." + none.split("\\.")[1] + ".c2ln");
  }

  @Test
  void hsRsConfusionIsRefused() {
    // The classic attack: HMAC-sign with the (public) RSA key as the secret and hope the server uses it as one.
    String confused = TestTokens.valid(NOW)
        .sign(Algorithm.HMAC256(TestTokens.pem(TestTokens.RSA.getPublic()).getBytes(StandardCharsets.US_ASCII)));
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, rs, confused);
    String confusedDer = TestTokens.valid(NOW).sign(Algorithm.HMAC256(TestTokens.RSA.getPublic().getEncoded()));
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, rs, confusedDer);
    // and the other way round: an RS256 token at an HS256 deployment
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, hs, TestTokens.valid(NOW).sign(TestTokens.rs256(TestTokens.RSA)));
  }

  @Test
  void esRsConfusionIsRefused() {
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, es, TestTokens.valid(NOW).sign(TestTokens.rs256(TestTokens.RSA)));
    assertFailure(AuthFailure.ALGORITHM_NOT_ALLOWED, rs, TestTokens.valid(NOW).sign(TestTokens.es256(TestTokens.EC)));
  }

  @Test
  void userAndTenantAreRequired() {
    assertFailure(AuthFailure.MISSING_CLAIM, hs,
        JWT.create().withSubject("u").withExpiresAt(NOW.plusSeconds(60)).sign(TestTokens.hs256()));
    assertFailure(AuthFailure.MISSING_CLAIM, hs,
        JWT.create().withClaim("tenant_id", "t").withExpiresAt(NOW.plusSeconds(60)).sign(TestTokens.hs256()));
    assertFailure(AuthFailure.MISSING_CLAIM, hs,
        TestTokens.valid(NOW).withClaim("tenant_id", " ").sign(TestTokens.hs256()));
    assertFailure(AuthFailure.INVALID_CLAIM, hs,
        TestTokens.valid(NOW).withClaim("tenant_id", 42).sign(TestTokens.hs256()));
    assertFailure(AuthFailure.INVALID_CLAIM, hs,
        TestTokens.valid(NOW).withSubject("u".repeat(513)).sign(TestTokens.hs256()));
  }

  @Test
  void expIsRequired() {
    assertFailure(AuthFailure.MISSING_CLAIM, hs,
        JWT.create().withSubject("u").withClaim("tenant_id", "t").sign(TestTokens.hs256()));
  }

  @Test
  void claimNamesAreConfigurable() throws Exception {
    JwtVerifier custom = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256).secret(TestTokens.SECRET)
        .userClaim("uid").tenantClaim("org").build(), CLOCK);
    String token = JWT.create().withClaim("uid", "u-7").withClaim("org", "o-3")
        .withExpiresAt(NOW.plusSeconds(60)).sign(TestTokens.hs256());
    VerifiedIdentity identity = custom.verify(token);
    assertEquals("u-7", identity.userId());
    assertEquals("o-3", identity.tenantId());
    assertFailure(AuthFailure.MISSING_CLAIM, custom, TestTokens.valid(NOW).sign(TestTokens.hs256()));
  }

  @Test
  void issuerAndAudienceAreCheckedWhenConfigured() throws Exception {
    JwtVerifier strict = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256).secret(TestTokens.SECRET)
        .issuer("https://issuer.example").audiences(List.of("api-a", "api-b")).build(), CLOCK);
    String good = TestTokens.valid(NOW).withIssuer("https://issuer.example").withAudience("other", "api-b")
        .sign(TestTokens.hs256());
    assertEquals("user-1", strict.verify(good).userId());
    assertFailure(AuthFailure.WRONG_ISSUER, strict, TestTokens.valid(NOW).withIssuer("https://evil.example")
        .withAudience("api-a").sign(TestTokens.hs256()));
    assertFailure(AuthFailure.WRONG_AUDIENCE, strict, TestTokens.valid(NOW).withIssuer("https://issuer.example")
        .withAudience("api-c").sign(TestTokens.hs256()));
    assertFailure(AuthFailure.MISSING_CLAIM, strict, TestTokens.valid(NOW).withAudience("api-a")
        .sign(TestTokens.hs256()));
  }

  @Test
  void tenantAllowList() throws Exception {
    JwtVerifier listed = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256).secret(TestTokens.SECRET)
        .allowedTenants(Set.of("tenant-1", "tenant-9")).build(), CLOCK);
    assertEquals("tenant-1", listed.verify(TestTokens.valid(NOW).sign(TestTokens.hs256())).tenantId());
    assertFailure(AuthFailure.TENANT_NOT_ALLOWED, listed,
        TestTokens.valid(NOW).withClaim("tenant_id", "tenant-2").sign(TestTokens.hs256()));
  }

  @Test
  void garbageIsMalformedAndNothingIsMissing() {
    assertFailure(AuthFailure.MISSING_TOKEN, hs, null);
    assertFailure(AuthFailure.MISSING_TOKEN, hs, "  ");
    assertFailure(AuthFailure.MALFORMED_TOKEN, hs, "not-a-jwt");
    assertFailure(AuthFailure.MALFORMED_TOKEN, hs, "a.b.c");
    assertFailure(AuthFailure.MALFORMED_TOKEN, hs, "x".repeat(JwtVerifier.MAX_TOKEN_LENGTH + 1));
  }

  @Test
  void leewayIsConfigurable() throws Exception {
    JwtVerifier tight = new JwtVerifier(JwtConfig.builder(JwtAlgorithm.HS256).secret(TestTokens.SECRET)
        .leeway(Duration.ZERO).build(), CLOCK);
    assertFailure(AuthFailure.EXPIRED, tight,
        TestTokens.valid(NOW.minusSeconds(60)).withExpiresAt(NOW.minusSeconds(1)).sign(TestTokens.hs256()));
  }

  static void assertFailure(AuthFailure expected, JwtVerifier verifier, String token) {
    AuthenticationException e = assertThrows(AuthenticationException.class, () -> verifier.verify(token));
    assertEquals(expected, e.failure(), e.getMessage());
  }
}
