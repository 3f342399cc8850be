package dev.streamer.deploy.sam;

import static dev.streamer.deploy.sam.Cfn.map;
import static dev.streamer.deploy.sam.Cfn.notEmpty;

import dev.streamer.core.app.HandlerKind;
import java.util.List;
import java.util.Map;

/**
 * The template's parameters: the stage, the JWT settings and a few sizes. The HS256 secret comes from Secrets
 * Manager and an RS256/ES256 public key from SSM Parameter Store; both are dynamic references that CloudFormation
 * resolves at deploy time into the {@code JWT_SECRET}/{@code JWT_PUBLIC_KEY} variables (SSM {@code SecureString}
 * values cannot be resolved into Lambda environment variables: CloudFormation allows {@code ssm-secure} only in a
 * few resource properties). Set exactly one of {@link #JWT_SECRET_ID}, {@link #JWT_PUBLIC_KEY_PARAMETER} and
 * {@link #JWT_JWKS_URL}, matching {@link #JWT_ALGORITHM}.
 */
public final class Parameters {

  public static final String STAGE_NAME = "StageName";
  public static final String JWT_ALGORITHM = "JwtAlgorithm";
  public static final String JWT_SECRET_ID = "JwtSecretId";
  public static final String JWT_PUBLIC_KEY_PARAMETER = "JwtPublicKeyParameter";
  public static final String JWT_JWKS_URL = "JwtJwksUrl";
  public static final String JWT_ISSUER = "JwtIssuer";
  public static final String JWT_AUDIENCE = "JwtAudience";
  public static final String ALLOWED_TENANTS = "AllowedTenants";
  public static final String LOG_LEVEL = "LogLevel";
  public static final String LOG_RETENTION_DAYS = "LogRetentionDays";
  public static final String PROCESSOR_MEMORY_SIZE = "ProcessorMemorySize";
  public static final String PROCESSOR_TIMEOUT = "ProcessorTimeout";

  public static final String HAS_JWT_SECRET = "HasJwtSecret";
  public static final String HAS_JWT_PUBLIC_KEY = "HasJwtPublicKey";

  private Parameters() {}

  public static Map<String, Object> section() {
    return map(
        STAGE_NAME, text("prod", "API Gateway stage; part of the WebSocket URL", "[A-Za-z0-9_-]+"),
        JWT_ALGORITHM, map("Type", "String", "Default", "HS256", "AllowedValues", List.of("HS256", "RS256", "ES256"),
            "Description", "The only JWT algorithm accepted on $connect"),
        JWT_SECRET_ID, text("", "HS256: name or ARN of the Secrets Manager secret whose SecretString is the "
            + "signing secret (at least 32 bytes)", null),
        JWT_PUBLIC_KEY_PARAMETER, text("", "RS256/ES256: name of the SSM Parameter Store String parameter holding "
            + "the PEM public key", null),
        JWT_JWKS_URL, text("", "RS256/ES256: JWKS URL, instead of a public key parameter", null),
        JWT_ISSUER, text("", "Accepted token issuers (iss), comma-separated; empty: not checked", null),
        JWT_AUDIENCE, text("", "Accepted audiences (aud), comma-separated; empty: not checked", null),
        ALLOWED_TENANTS, text("", "Tenant allow-list, comma-separated; empty: every tenant", null),
        LOG_LEVEL, map("Type", "String", "Default", "INFO",
            "AllowedValues", List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"), "Description", "Least level logged"),
        LOG_RETENTION_DAYS, map("Type", "Number", "Default", 30,
            "AllowedValues", List.of(1, 3, 5, 7, 14, 30, 60, 90, 180, 365, 731, 1827, 3653),
            "Description", "Days the functions' log groups keep events"),
        PROCESSOR_MEMORY_SIZE, map("Type", "Number", "Default", FunctionSettings.PROCESSOR_MEMORY_MB,
            "MinValue", 512, "MaxValue", 10240, "Description", "Memory of the stream processor (runs slow actions), MB"),
        PROCESSOR_TIMEOUT, map("Type", "Number",
            "Default", FunctionSettings.of(HandlerKind.STREAM_PROCESSOR).timeoutSeconds(),
            "MinValue", 30, "MaxValue", FunctionSettings.MAX_TIMEOUT_SECONDS,
            "Description", "Longest run of one queued request, seconds"));
  }

  public static Map<String, Object> conditions() {
    return map(
        HAS_JWT_SECRET, notEmpty(JWT_SECRET_ID),
        HAS_JWT_PUBLIC_KEY, notEmpty(JWT_PUBLIC_KEY_PARAMETER));
  }

  private static Map<String, Object> text(String defaultValue, String description, String pattern) {
    return map("Type", "String", "Default", defaultValue, "AllowedPattern", pattern, "Description", description);
  }
}
