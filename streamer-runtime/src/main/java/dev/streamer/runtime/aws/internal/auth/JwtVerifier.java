package dev.streamer.runtime.aws.internal.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonWrite;
import java.io.IOException;
import java.io.StringWriter;
import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Verifies {@code $connect} tokens with jose4j ({@code org.bitbucket.b_c:jose4j}: small, no Guava or databind). Thread-safe; build one per Lambda environment.
 *
 * <p>Checks, in order: the header's {@code alg} is the pinned algorithm (so {@code none} and algorithm confusion
 * never reach signature code); the signature with the configured secret, key, or JWKS key chosen by {@code kid};
 * {@code exp} present and not passed, {@code nbf} and {@code iat} not in the future, all with the leeway; {@code iss}
 * and {@code aud} when configured; the user and tenant claims present, strings, and not absurdly long; the tenant on
 * the allow-list when there is one.
 */
public final class JwtVerifier {

  /** Longer tokens are refused before decoding; real ones are a few KB at most. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;
  /** User and tenant ids become index keys; refuse anything longer than this many characters. */
  static final int MAX_ID_LENGTH = 512;
  /** Kept claims longer than this (as text) are left out rather than bloating the connection item. */
  static final int MAX_KEPT_CLAIM_LENGTH = 2048;

  private final JwtConfig config;
  private final Clock clock;
  /** Set when the key is static (secret or public key). */
  private final Key staticKey;
  /** Set when keys come from a JWKS. */
  private final JwksKeys jwks;

  public JwtVerifier(JwtConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (config.jwksUrl() != null) {
      this.jwks = new JwksKeys(config.jwksUrl());
      this.staticKey = null;
    } else {
      this.jwks = null;
      this.staticKey = config.algorithm() == JwtAlgorithm.HS256
          ? new HmacKey(config.secret())
          : config.publicKey();
    }
  }

  /** The identity in {@code token}, or the reason it is refused. */
  public VerifiedIdentity verify(String token) throws AuthenticationException {
    if (token == null || token.isBlank()) {
      throw new AuthenticationException(AuthFailure.MISSING_TOKEN, "no token");
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new AuthenticationException(AuthFailure.MALFORMED_TOKEN, "token of " + token.length() + " characters");
    }
    JsonWebSignature signed;
    try {
      if (!(JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature jws)) {
        throw new AuthenticationException(AuthFailure.MALFORMED_TOKEN, "not a signed JWT");
      }
      signed = jws;
    } catch (JoseException | RuntimeException e) {
      throw new AuthenticationException(AuthFailure.MALFORMED_TOKEN, "not a JWT");
    }
    // Pinned algorithm, checked before any key is touched.
    String algorithm = signed.getAlgorithmHeaderValue();
    if (!config.algorithm().name().equals(algorithm)) {
      throw new AuthenticationException(AuthFailure.ALGORITHM_NOT_ALLOWED,
          "token alg " + printable(algorithm) + ", pinned " + config.algorithm());
    }
    Key key = staticKey != null ? staticKey : jwksKey(signed.getKeyIdHeaderValue());
    JwtClaims decoded = verifiedClaims(token, key);
    String userId = requiredId(decoded, config.userClaim());
    String tenantId = requiredId(decoded, config.tenantClaim());
    if (!config.allowedTenants().isEmpty() && !config.allowedTenants().contains(tenantId)) {
      throw new AuthenticationException(AuthFailure.TENANT_NOT_ALLOWED, "tenant " + printable(tenantId));
    }
    return new VerifiedIdentity(userId, tenantId, keptClaims(decoded));
  }

  public JwtConfig config() {
    return config;
  }

  /** Signature, then {@code exp} (required), {@code nbf}, {@code iat}, {@code iss}, {@code aud}, as of the clock. */
  private JwtClaims verifiedClaims(String token, Key key) throws AuthenticationException {
    int leeway = (int) Math.min(Integer.MAX_VALUE, ceilSeconds(config.leeway()));
    JwtConsumerBuilder consumer = new JwtConsumerBuilder()
        .setJwsAlgorithmConstraints(ConstraintType.PERMIT, config.algorithm().name())
        .setVerificationKey(key)
        .setRequireExpirationTime()
        .setAllowedClockSkewInSeconds(leeway)
        .setIssuedAtRestrictions(0, Integer.MAX_VALUE) // not in the future (beyond the leeway), any age
        .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()));
    if (!config.issuers().isEmpty()) {
      consumer.setExpectedIssuers(true, config.issuers().toArray(String[]::new));
    }
    if (config.audiences().isEmpty()) {
      consumer.setSkipDefaultAudienceValidation();
    } else {
      consumer.setExpectedAudience(true, config.audiences().toArray(String[]::new));
    }
    try {
      return consumer.build().processToClaims(token);
    } catch (InvalidJwtException e) {
      throw new AuthenticationException(failure(e), reason(e));
    }
  }

  private static AuthFailure failure(InvalidJwtException e) {
    if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
      return AuthFailure.BAD_SIGNATURE;
    }
    if (e.hasErrorCode(ErrorCodes.JSON_INVALID)) {
      return AuthFailure.MALFORMED_TOKEN;
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)
        || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
      return AuthFailure.MISSING_CLAIM;
    }
    if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
      return AuthFailure.EXPIRED;
    }
    if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
      return AuthFailure.NOT_YET_VALID;
    }
    if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
      return AuthFailure.WRONG_ISSUER;
    }
    if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
      return AuthFailure.WRONG_AUDIENCE;
    }
    return e.getErrorDetails().isEmpty() ? AuthFailure.BAD_SIGNATURE : AuthFailure.INVALID_CLAIM;
  }

  /** The validators' messages, without the token itself (jose4j's own message quotes the claims). */
  private static String reason(InvalidJwtException e) {
    StringBuilder reason = new StringBuilder();
    e.getErrorDetails().forEach(detail -> reason.append(reason.isEmpty() ? "" : "; ")
        .append(detail.getErrorMessage()));
    return reason.isEmpty() ? "signature does not verify" : printable(reason.toString());
  }

  private Key jwksKey(String keyId) throws AuthenticationException {
    if (keyId == null || keyId.isBlank()) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, "token has no kid");
    }
    JsonWebKey jwk;
    try {
      jwk = jwks.find(keyId);
    } catch (IOException | JoseException e) {
      throw new AuthenticationException(AuthFailure.KEY_UNAVAILABLE, "key set not fetched", e);
    } catch (RuntimeException e) {
      throw new AuthenticationException(AuthFailure.KEY_UNAVAILABLE, "key set not usable", e);
    }
    if (jwk == null) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, "no key " + printable(keyId));
    }
    if (!(jwk instanceof PublicJsonWebKey publicJwk) || publicJwk.getPublicKey() == null) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, "unusable key " + printable(keyId));
    }
    if (jwk.getAlgorithm() != null && !config.algorithm().name().equals(jwk.getAlgorithm())) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY,
          "key " + printable(keyId) + " is for " + printable(jwk.getAlgorithm()));
    }
    PublicKey key = publicJwk.getPublicKey();
    try {
      PemPublicKeys.checkFits(key, config.algorithm(), "JWKS key " + printable(keyId));
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, e.getMessage());
    }
    return key;
  }

  private static AuthFailure claimFailure(String claimName) {
    if (claimName == null) {
      return AuthFailure.INVALID_CLAIM;
    }
    return switch (claimName) {
      case "nbf" -> AuthFailure.NOT_YET_VALID;
      case "exp" -> AuthFailure.EXPIRED;
      case "iss" -> AuthFailure.WRONG_ISSUER;
      case "aud" -> AuthFailure.WRONG_AUDIENCE;
      default -> AuthFailure.INVALID_CLAIM;
    };
  }

  private static String requiredId(JwtClaims claims, String claimName) throws AuthenticationException {
    Object claim = claims.getClaimValue(claimName);
    if (claim == null) {
      throw new AuthenticationException(AuthFailure.MISSING_CLAIM, "missing " + claimName);
    }
    if (!(claim instanceof String value)) {
      throw new AuthenticationException(AuthFailure.INVALID_CLAIM, claimName + " is not a string");
    }
    if (value.isBlank()) {
      throw new AuthenticationException(AuthFailure.MISSING_CLAIM, claimName + " is blank");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new AuthenticationException(AuthFailure.INVALID_CLAIM, claimName + " longer than " + MAX_ID_LENGTH);
    }
    return value;
  }

  /** Kept claims as text: strings as they are, anything else as its JSON. */
  private Map<String, String> keptClaims(JwtClaims claims) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : config.keptClaims()) {
      Object claim = claims.getClaimValue(name);
      if (claim == null) {
        continue;
      }
      String value = claim instanceof String text ? text : json(claim);
      if (value != null && value.length() <= MAX_KEPT_CLAIM_LENGTH) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  private static String json(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = Json.FACTORY.createGenerator(out)) {
      JsonWrite.any(generator, value);
    } catch (IOException | RuntimeException e) {
      return null; // not representable: left out, like an oversized claim
    }
    return out.toString();
  }

  private static long ceilSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  /** Token-supplied text in a log message: bounded, no control characters. */
  private static String printable(String value) {
    if (value == null) {
      return "null";
    }
    String cut = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
