package dev.streamer.runtime.aws.auth;

import com.auth0.jwk.InvalidPublicKeyException;
import com.auth0.jwk.Jwk;
import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwk.NetworkException;
import com.auth0.jwk.SigningKeyNotFoundException;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import java.net.MalformedURLException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Verifies {@code $connect} tokens with {@code com.auth0:java-jwt}. Thread-safe; build one per Lambda environment.
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

  private static final int JWKS_CACHE_SIZE = 10;
  private static final Duration JWKS_CACHE_TTL = Duration.ofMinutes(10);
  private static final int JWKS_TIMEOUT_MS = 3000;

  private final JwtConfig config;
  private final Clock clock;
  /** Set when the key is static: built once, reused by every call. */
  private final JWTVerifier staticVerifier;
  /** Set when keys come from a JWKS. */
  private final JwkProvider jwks;

  public JwtVerifier(JwtConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (config.jwksUrl() != null) {
      this.jwks = jwksProvider(config);
      this.staticVerifier = null;
    } else {
      this.jwks = null;
      this.staticVerifier = verifierFor(staticAlgorithm(config));
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
    DecodedJWT decoded;
    try {
      decoded = JWT.decode(token);
    } catch (JWTDecodeException e) {
      throw new AuthenticationException(AuthFailure.MALFORMED_TOKEN, "not a JWT");
    }
    // Pinned algorithm, checked before any key is touched.
    if (!config.algorithm().name().equals(decoded.getAlgorithm())) {
      throw new AuthenticationException(AuthFailure.ALGORITHM_NOT_ALLOWED,
          "token alg " + printable(decoded.getAlgorithm()) + ", pinned " + config.algorithm());
    }
    JWTVerifier verifier = staticVerifier != null ? staticVerifier : verifierFor(jwksAlgorithm(decoded.getKeyId()));
    try {
      verifier.verify(decoded);
    } catch (AlgorithmMismatchException e) {
      throw new AuthenticationException(AuthFailure.ALGORITHM_NOT_ALLOWED, e.getMessage());
    } catch (SignatureVerificationException e) {
      throw new AuthenticationException(AuthFailure.BAD_SIGNATURE, "signature does not verify");
    } catch (TokenExpiredException e) {
      throw new AuthenticationException(AuthFailure.EXPIRED, e.getMessage());
    } catch (MissingClaimException e) {
      throw new AuthenticationException(AuthFailure.MISSING_CLAIM, "missing " + e.getClaimName());
    } catch (IncorrectClaimException e) {
      throw new AuthenticationException(claimFailure(e.getClaimName()), e.getMessage());
    } catch (JWTVerificationException e) {
      throw new AuthenticationException(AuthFailure.INVALID_CLAIM, e.getMessage());
    }
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

  private JWTVerifier verifierFor(Algorithm algorithm) {
    Verification verification = JWT.require(algorithm)
        .acceptLeeway(ceilSeconds(config.leeway()))
        .withClaimPresence("exp");
    if (!config.issuers().isEmpty()) {
      verification.withIssuer(config.issuers().toArray(String[]::new));
    }
    if (!config.audiences().isEmpty()) {
      verification.withAnyOfAudience(config.audiences().toArray(String[]::new));
    }
    return ((JWTVerifier.BaseVerification) verification).build(clock);
  }

  private static Algorithm staticAlgorithm(JwtConfig config) {
    return switch (config.algorithm()) {
      case HS256 -> Algorithm.HMAC256(config.secret());
      case RS256 -> Algorithm.RSA256((RSAPublicKey) config.publicKey(), null);
      case ES256 -> Algorithm.ECDSA256((ECPublicKey) config.publicKey(), null);
    };
  }

  private Algorithm jwksAlgorithm(String keyId) throws AuthenticationException {
    if (keyId == null || keyId.isBlank()) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, "token has no kid");
    }
    Jwk jwk;
    PublicKey key;
    try {
      jwk = jwks.get(keyId);
      key = jwk.getPublicKey();
    } catch (NetworkException e) {
      throw new AuthenticationException(AuthFailure.KEY_UNAVAILABLE, "key set not fetched", e);
    } catch (SigningKeyNotFoundException e) {
      // jwks-rsa also reports an unparseable key set as "not found"; only a plain miss has no cause.
      if (e.getCause() != null) {
        throw new AuthenticationException(AuthFailure.KEY_UNAVAILABLE, "key set not fetched", e);
      }
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, "no key " + printable(keyId));
    } catch (InvalidPublicKeyException e) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, "unusable key " + printable(keyId));
    } catch (JwkException e) {
      throw new AuthenticationException(AuthFailure.KEY_UNAVAILABLE, "key set not fetched", e);
    } catch (RuntimeException e) {
      throw new AuthenticationException(AuthFailure.KEY_UNAVAILABLE, "key set not usable", e);
    }
    if (jwk.getAlgorithm() != null && !config.algorithm().name().equals(jwk.getAlgorithm())) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY,
          "key " + printable(keyId) + " is for " + printable(jwk.getAlgorithm()));
    }
    try {
      PemPublicKeys.checkFits(key, config.algorithm(), "JWKS key " + printable(keyId));
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException(AuthFailure.UNKNOWN_KEY, e.getMessage());
    }
    return config.algorithm() == JwtAlgorithm.RS256
        ? Algorithm.RSA256((RSAPublicKey) key, null)
        : Algorithm.ECDSA256((ECPublicKey) key, null);
  }

  private static JwkProvider jwksProvider(JwtConfig config) {
    try {
      return new JwkProviderBuilder(config.jwksUrl().toURL())
          .cached(JWKS_CACHE_SIZE, JWKS_CACHE_TTL)
          // an unknown kid triggers a download; bound how often a caller can make us fetch
          .rateLimited(10, 1, TimeUnit.MINUTES)
          .timeouts(JWKS_TIMEOUT_MS, JWKS_TIMEOUT_MS)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("JWT_JWKS_URL: not a URL");
    }
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

  private static String requiredId(DecodedJWT jwt, String claimName) throws AuthenticationException {
    Claim claim = jwt.getClaim(claimName);
    if (claim.isMissing() || claim.isNull()) {
      throw new AuthenticationException(AuthFailure.MISSING_CLAIM, "missing " + claimName);
    }
    String value = claim.asString();
    if (value == null) {
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
  private Map<String, String> keptClaims(DecodedJWT jwt) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : config.keptClaims()) {
      Claim claim = jwt.getClaim(name);
      if (claim.isMissing() || claim.isNull()) {
        continue;
      }
      String value = claim.asString() != null ? claim.asString() : claim.toString();
      if (value != null && value.length() <= MAX_KEPT_CLAIM_LENGTH) {
        kept.put(name, value);
      }
    }
    return kept;
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
