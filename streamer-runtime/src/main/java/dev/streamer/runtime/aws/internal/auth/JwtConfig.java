package dev.streamer.runtime.aws.internal.auth;

import dev.streamer.runtime.aws.internal.env.EnvDuration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@code $connect} tokens are verified. Built from environment variables by {@link #fromEnvironment(Map)}:
 *
 * <table>
 * <caption>Environment</caption>
 * <tr><th>variable</th><th>meaning</th></tr>
 * <tr><td>{@code JWT_ALGORITHM}</td><td>required: {@code HS256}, {@code RS256} or {@code ES256}; the only algorithm
 *     accepted</td></tr>
 * <tr><td>{@code JWT_SECRET}</td><td>HS256 shared secret, its UTF-8 bytes; at least 32 bytes</td></tr>
 * <tr><td>{@code JWT_PUBLIC_KEY}</td><td>RS256/ES256 public key as PEM ({@code PUBLIC KEY} or
 *     {@code CERTIFICATE}); literal {@code \n} allowed</td></tr>
 * <tr><td>{@code JWT_JWKS_URL}</td><td>RS256/ES256 key set URL (instead of {@code JWT_PUBLIC_KEY}); keys are
 *     chosen by the token's {@code kid} and cached</td></tr>
 * <tr><td>{@code JWT_ISSUER}</td><td>optional, comma-separated: {@code iss} must be one of them</td></tr>
 * <tr><td>{@code JWT_AUDIENCE}</td><td>optional, comma-separated: {@code aud} must contain one of them</td></tr>
 * <tr><td>{@code JWT_LEEWAY}</td><td>clock skew allowed on exp, nbf and iat; default {@code 30s}</td></tr>
 * <tr><td>{@code JWT_USER_CLAIM}</td><td>claim holding the user id; default {@code sub}</td></tr>
 * <tr><td>{@code JWT_TENANT_CLAIM}</td><td>claim holding the tenant id; default {@code tenant_id}</td></tr>
 * <tr><td>{@code ALLOWED_TENANTS}</td><td>optional, comma-separated allow-list of tenant ids</td></tr>
 * <tr><td>{@code JWT_KEEP_CLAIMS}</td><td>optional, comma-separated claims stored with the connection</td></tr>
 * </table>
 *
 * <p>On AWS the secret or key is not written into the template: the template resolves it from SSM Parameter Store
 * ({@code {{resolve:ssm-secure:…}}}) or Secrets Manager ({@code {{resolve:secretsmanager:…}}}) into these
 * variables at deploy time, so the function reads plain environment variables. Exactly one key source must be set,
 * and it must fit the algorithm; every mistake is reported at cold start with the variable's name, never its value.
 */
public final class JwtConfig {

  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
  public static final String DEFAULT_USER_CLAIM = "sub";
  public static final String DEFAULT_TENANT_CLAIM = "tenant_id";
  /** RFC 7518 section 3.2: an HS256 key must be at least as long as the hash output. */
  public static final int MIN_SECRET_BYTES = 32;

  private final JwtAlgorithm algorithm;
  private final byte[] secret;
  private final PublicKey publicKey;
  private final URI jwksUrl;
  private final List<String> issuers;
  private final List<String> audiences;
  private final Duration leeway;
  private final String userClaim;
  private final String tenantClaim;
  private final Set<String> allowedTenants;
  private final List<String> keptClaims;

  private JwtConfig(Builder b) {
    this.algorithm = Objects.requireNonNull(b.algorithm, "algorithm");
    this.secret = b.secret;
    this.publicKey = b.publicKey;
    this.jwksUrl = b.jwksUrl;
    this.issuers = List.copyOf(b.issuers);
    this.audiences = List.copyOf(b.audiences);
    this.leeway = Objects.requireNonNull(b.leeway, "leeway");
    this.userClaim = requireText(b.userClaim, "user claim");
    this.tenantClaim = requireText(b.tenantClaim, "tenant claim");
    this.allowedTenants = Set.copyOf(b.allowedTenants);
    this.keptClaims = List.copyOf(b.keptClaims);
    checkKeySource();
    if (leeway.isNegative()) {
      throw new IllegalArgumentException("JWT_LEEWAY must not be negative");
    }
  }

  public static Builder builder(JwtAlgorithm algorithm) {
    return new Builder(algorithm);
  }

  /** Reads the variables listed above; throws {@link IllegalArgumentException} naming the variable at fault. */
  public static JwtConfig fromEnvironment(Map<String, String> env) {
    String algorithmName = text(env, "JWT_ALGORITHM");
    if (algorithmName == null) {
      throw new IllegalArgumentException("JWT_ALGORITHM is required (HS256, RS256 or ES256)");
    }
    JwtAlgorithm algorithm;
    try {
      algorithm = JwtAlgorithm.valueOf(algorithmName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("JWT_ALGORITHM: '" + algorithmName + "' is not HS256, RS256 or ES256");
    }
    Builder b = builder(algorithm);
    String secret = env.get("JWT_SECRET");
    String pem = text(env, "JWT_PUBLIC_KEY");
    String jwks = text(env, "JWT_JWKS_URL");
    if (secret != null && !secret.isEmpty()) {
      b.secret(secret);
    }
    if (pem != null) {
      if (!algorithm.usesPublicKey()) {
        throw new IllegalArgumentException("JWT_PUBLIC_KEY is set but JWT_ALGORITHM is " + algorithm);
      }
      b.publicKey(PemPublicKeys.parse(pem, algorithm, "JWT_PUBLIC_KEY"));
    }
    if (jwks != null) {
      try {
        b.jwksUrl(URI.create(jwks));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("JWT_JWKS_URL: not a URL");
      }
    }
    b.issuers(list(env, "JWT_ISSUER"));
    b.audiences(list(env, "JWT_AUDIENCE"));
    // parsed only when set: the duration grammar's class stays unloaded at a $connect cold start
    String leeway = text(env, "JWT_LEEWAY");
    b.leeway(leeway == null ? DEFAULT_LEEWAY : EnvDuration.parse("JWT_LEEWAY", leeway));
    b.userClaim(Objects.requireNonNullElse(text(env, "JWT_USER_CLAIM"), DEFAULT_USER_CLAIM));
    b.tenantClaim(Objects.requireNonNullElse(text(env, "JWT_TENANT_CLAIM"), DEFAULT_TENANT_CLAIM));
    b.allowedTenants(new LinkedHashSet<>(list(env, "ALLOWED_TENANTS")));
    b.keptClaims(list(env, "JWT_KEEP_CLAIMS"));
    return b.build();
  }

  private void checkKeySource() {
    int sources = (secret != null ? 1 : 0) + (publicKey != null ? 1 : 0) + (jwksUrl != null ? 1 : 0);
    if (sources != 1) {
      throw new IllegalArgumentException("set exactly one of JWT_SECRET, JWT_PUBLIC_KEY, JWT_JWKS_URL (found "
          + sources + ")");
    }
    if (algorithm == JwtAlgorithm.HS256) {
      if (secret == null) {
        throw new IllegalArgumentException("HS256 needs JWT_SECRET");
      }
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes for HS256");
      }
    } else if (secret != null) {
      throw new IllegalArgumentException(algorithm + " needs JWT_PUBLIC_KEY or JWT_JWKS_URL, not JWT_SECRET");
    } else if (publicKey != null) {
      PemPublicKeys.checkFits(publicKey, algorithm, "JWT_PUBLIC_KEY");
    } else {
      String scheme = jwksUrl.getScheme();
      if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("JWT_JWKS_URL must be an http(s) URL");
      }
    }
  }

  public JwtAlgorithm algorithm() {
    return algorithm;
  }

  /** HS256 secret bytes (a copy), or null. */
  public byte[] secret() {
    return secret == null ? null : secret.clone();
  }

  /** Static RS256/ES256 key, or null. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** JWKS location, or null. */
  public URI jwksUrl() {
    return jwksUrl;
  }

  public List<String> issuers() {
    return issuers;
  }

  public List<String> audiences() {
    return audiences;
  }

  public Duration leeway() {
    return leeway;
  }

  public String userClaim() {
    return userClaim;
  }

  public String tenantClaim() {
    return tenantClaim;
  }

  /** Empty means every tenant is allowed. */
  public Set<String> allowedTenants() {
    return allowedTenants;
  }

  public List<String> keptClaims() {
    return keptClaims;
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    String keySource = secret != null ? "secret" : publicKey != null ? "publicKey" : "jwks=" + jwksUrl;
    return "JwtConfig[" + algorithm + ", " + keySource + ", issuers=" + issuers + ", audiences=" + audiences
        + ", leeway=" + leeway + ", userClaim=" + userClaim + ", tenantClaim=" + tenantClaim
        + ", allowedTenants=" + allowedTenants + ", keptClaims=" + keptClaims + "]";
  }

  private static String text(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static List<String> list(Map<String, String> env, String name) {
    String value = text(env, name);
    if (value == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  /** Programmatic configuration, mainly for tests and for callers with their own configuration source. */
  public static final class Builder {
    private final JwtAlgorithm algorithm;
    private byte[] secret;
    private PublicKey publicKey;
    private URI jwksUrl;
    private List<String> issuers = List.of();
    private List<String> audiences = List.of();
    private Duration leeway = DEFAULT_LEEWAY;
    private String userClaim = DEFAULT_USER_CLAIM;
    private String tenantClaim = DEFAULT_TENANT_CLAIM;
    private Set<String> allowedTenants = Set.of();
    private List<String> keptClaims = List.of();

    private Builder(JwtAlgorithm algorithm) {
      this.algorithm = algorithm;
    }

    public Builder secret(String secret) {
      this.secret = secret.getBytes(StandardCharsets.UTF_8);
      return this;
    }

    public Builder publicKey(PublicKey key) {
      this.publicKey = key;
      return this;
    }

    public Builder jwksUrl(URI url) {
      this.jwksUrl = url;
      return this;
    }

    public Builder issuers(List<String> issuers) {
      this.issuers = issuers;
      return this;
    }

    public Builder issuer(String issuer) {
      return issuers(List.of(issuer));
    }

    public Builder audiences(List<String> audiences) {
      this.audiences = audiences;
      return this;
    }

    public Builder audience(String audience) {
      return audiences(List.of(audience));
    }

    public Builder leeway(Duration leeway) {
      this.leeway = leeway;
      return this;
    }

    public Builder userClaim(String claim) {
      this.userClaim = claim;
      return this;
    }

    public Builder tenantClaim(String claim) {
      this.tenantClaim = claim;
      return this;
    }

    public Builder allowedTenants(Set<String> tenants) {
      this.allowedTenants = tenants;
      return this;
    }

    public Builder keptClaims(List<String> claims) {
      this.keptClaims = claims;
      return this;
    }

    public JwtConfig build() {
      return new JwtConfig(this);
    }
  }
}
