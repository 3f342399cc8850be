package dev.streamer.runtime.aws.config;

import dev.streamer.core.app.HandlerKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The authoritative list of the environment variables the generated Lambda handlers read, with their defaults and
 * which handler reads each. The deployment template generator emits exactly the {@link SetBy#TEMPLATE} variables of
 * each function, and a runtime test checks that the handlers read exactly the variables listed here, so the template
 * and the code cannot drift apart. Meanings and grammar: {@link StreamerConfig}, {@code JwtConfig},
 * {@code SendRetryPolicy}, {@code JsonLog}, {@code Metrics}, {@code AwsRuntime.traceHeader}.
 */
public final class EnvironmentVariables {

  /** Who sets a variable on a deployed function. */
  public enum SetBy {
    /** The deployment template: every function gets exactly its template variables. */
    TEMPLATE,
    /** The Lambda service (reserved names a template must not set). */
    LAMBDA,
    /** Nobody by default: endpoint overrides for local runs, and alternative names (Powertools conventions). */
    USER
  }

  /**
   * One variable.
   *
   * @param name         the variable
   * @param defaultValue what an unset variable means, as text the variable accepts; empty when unset means "none"
   * @param description  one line
   * @param setBy        who sets it on AWS
   * @param readBy       the handlers that read it
   */
  public record Variable(String name, String defaultValue, String description, SetBy setBy, Set<HandlerKind> readBy) {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(defaultValue, "defaultValue");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(setBy, "setBy");
      readBy = Set.copyOf(readBy);
    }
  }

  private static final Set<HandlerKind> EVERY = EnumSet.allOf(HandlerKind.class);
  /** The JWT settings are read on the first {@code $connect} only: {@code $disconnect} never verifies a token. */
  private static final Set<HandlerKind> CONNECT_ONLY = EnumSet.of(HandlerKind.CONNECT);
  /**
   * The functions that send on the Management API (progress, results, failures; {@code $default} the CANCELLED of a
   * request cancelled while queued): they build the connection manager.
   */
  private static final Set<HandlerKind> SENDERS =
      EnumSet.of(HandlerKind.DEFAULT, HandlerKind.STREAM_PROCESSOR, HandlerKind.SWEEPER, HandlerKind.WORKER);
  /** The functions that emit metrics; {@code $connect}/{@code $disconnect} only log. */
  private static final Set<HandlerKind> METERED =
      EnumSet.of(HandlerKind.DEFAULT, HandlerKind.STREAM_PROCESSOR, HandlerKind.SWEEPER, HandlerKind.WORKER);
  private static final Set<HandlerKind> TRACED = EnumSet.of(HandlerKind.CONNECT, HandlerKind.DISCONNECT, HandlerKind.DEFAULT);

  /** Every variable, in documentation order. */
  public static final List<Variable> ALL = List.of(
      template("REQUESTS_TABLE", "streamer-requests", "requests table name", EVERY),
      template("CONNECTIONS_TABLE", "streamer-connections", "connections table name", EVERY),
      template("STREAMER_ASYNC_THRESHOLD", "", "runtime override of the async threshold; empty: the compiled "
          + "decision", EVERY),
      template("MAX_RETRIES", "3", "retries of a request after its first attempt", EVERY),
      template("RETRY_DELAY", "5s", "base of the retry backoff (full jitter)", EVERY),
      template("RETRY_MAX_DELAY", "15m", "cap of the retry backoff", EVERY),
      template("LAMBDA_TIMEOUT_BUFFER", "1s", "time kept back from the remaining Lambda time to record TIMEOUT",
          EVERY),
      template("REQUEST_TTL", "7d", "how long request items are kept", EVERY),
      template("CONNECTION_TTL", "24h", "how long connection items are kept; at least PT2H1M (API Gateway's 2-hour "
          + "connections)", EVERY),
      template("PROGRESS_INTERVAL", "200ms", "least time between two progress messages of one request", EVERY),
      template("STALE_PENDING_AFTER", "2m", "age at which a PENDING request without a due retry is re-driven",
          EVERY),
      template("SWEEP_LIMIT", "500", "most requests one sweep acts on", EVERY),
      template("SWEEP_INTERVAL", "20s", "time between two sweeps of one (once a minute) sweeper invocation", EVERY),
      template("PROCESSOR_CONCURRENCY", "10", "most jobs of one stream batch running at once (default: the "
          + "batch size)", EVERY),
      template("LEASE_DURATION", "60s", "how long a claim holds a request without renewal; renewed while the job "
          + "runs", EVERY),
      template("SEND_MAX_ATTEMPTS", "4", "calls of one @connections send in all (429, 5xx, network errors)",
          SENDERS),
      template("SEND_BACKOFF_BASE", "50ms", "first backoff ceiling between send attempts", SENDERS),
      template("SEND_BACKOFF_MAX", "1s", "largest backoff ceiling between send attempts", SENDERS),
      template("SERVICE_NAME", "streamer", "service name in log lines and the metrics dimension", EVERY),
      template("LOG_LEVEL", "INFO", "least level logged: TRACE, DEBUG, INFO, WARN, ERROR", EVERY),
      template("METRICS_NAMESPACE", "Streamer", "CloudWatch namespace of the EMF metrics", METERED),
      template("RATE_LIMITS", "", "rate-limit overrides: [<tenantId>/]<action|*>.<user|tenant>=<limit|off>, "
          + "comma-separated (RateLimits)", EnumSet.of(HandlerKind.DEFAULT)),
      template("MAX_CONNECTIONS_PER_USER", "0", "open connections one user may have at once; 0: no cap",
          EnumSet.of(HandlerKind.CONNECT, HandlerKind.DISCONNECT)),
      template("MAX_RUNNING_PER_TENANT", "", "queued jobs of one tenant running at once: <n>[, <action>=<n>]...; "
          + "empty: no cap (RunningCaps)", EnumSet.of(HandlerKind.DEFAULT, HandlerKind.STREAM_PROCESSOR,
          HandlerKind.WORKER)),
      template("WORKER_FUNCTION", "", "the worker function (name or ARN with alias) that runs isolated actions; "
          + "set only when the app has one; empty: the processor runs them itself",
          EnumSet.of(HandlerKind.STREAM_PROCESSOR)),
      template("JWT_ALGORITHM", "", "required: HS256, RS256 or ES256, the only algorithm accepted", CONNECT_ONLY),
      template("JWT_SECRET", "", "HS256 secret (at least 32 bytes)", CONNECT_ONLY),
      template("JWT_PUBLIC_KEY", "", "RS256/ES256 public key, PEM", CONNECT_ONLY),
      template("JWT_JWKS_URL", "", "RS256/ES256 key set URL, instead of JWT_PUBLIC_KEY", CONNECT_ONLY),
      template("JWT_ISSUER", "", "accepted issuers, comma-separated; empty: not checked", CONNECT_ONLY),
      template("JWT_AUDIENCE", "", "accepted audiences, comma-separated; empty: not checked", CONNECT_ONLY),
      template("JWT_LEEWAY", "30s", "clock skew allowed on exp, nbf and iat", CONNECT_ONLY),
      template("JWT_USER_CLAIM", "sub", "claim holding the user id", CONNECT_ONLY),
      template("JWT_TENANT_CLAIM", "tenant_id", "claim holding the tenant id", CONNECT_ONLY),
      template("ALLOWED_TENANTS", "", "tenant allow-list, comma-separated; empty: every tenant", CONNECT_ONLY),
      template("JWT_KEEP_CLAIMS", "", "claims stored with the connection, comma-separated", CONNECT_ONLY),
      new Variable("DYNAMODB_ENDPOINT", "", "DynamoDB endpoint override (DynamoDB Local)", SetBy.USER, EVERY),
      new Variable("LAMBDA_ENDPOINT", "", "Lambda endpoint override of the worker's asynchronous Invoke (tests)",
          SetBy.USER, EnumSet.of(HandlerKind.STREAM_PROCESSOR)),
      new Variable("WEBSOCKET_ENDPOINT", "", "Management API endpoint override; without it the endpoint comes "
          + "from the $connect event", SetBy.USER, EVERY),
      new Variable("POWERTOOLS_SERVICE_NAME", "", "service name when SERVICE_NAME is unset", SetBy.USER, EVERY),
      new Variable("POWERTOOLS_LOG_LEVEL", "", "log level, overridden by LOG_LEVEL", SetBy.USER, EVERY),
      new Variable("AWS_REGION", "us-east-1", "region of every client", SetBy.LAMBDA, EVERY),
      new Variable("AWS_DEFAULT_REGION", "", "region when AWS_REGION is unset", SetBy.LAMBDA, EVERY),
      new Variable("AWS_LAMBDA_INITIALIZATION_TYPE", "", "on-demand, provisioned-concurrency or snap-start: SnapStart "
          + "priming is registered unless it is one of the first two", SetBy.LAMBDA, EVERY),
      new Variable("AWS_LAMBDA_LOG_LEVEL", "", "log level from Lambda's logging configuration, overridden by "
          + "POWERTOOLS_LOG_LEVEL and LOG_LEVEL", SetBy.LAMBDA, EVERY),
      new Variable("_X_AMZN_TRACE_ID", "", "X-Ray trace header (the per-invocation system property wins)",
          SetBy.LAMBDA, TRACED));

  private EnvironmentVariables() {}

  /** The variables {@code handler} reads. */
  public static List<Variable> readBy(HandlerKind handler) {
    return ALL.stream().filter(v -> v.readBy().contains(handler)).toList();
  }

  /** The variables a deployment template sets on the function of {@code handler}. */
  public static List<Variable> templateVariables(HandlerKind handler) {
    return readBy(handler).stream().filter(v -> v.setBy() == SetBy.TEMPLATE).toList();
  }

  /** The variable called {@code name}. */
  public static Variable named(String name) {
    return ALL.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a Streamer environment variable: " + name));
  }

  private static Variable template(String name, String defaultValue, String description, Set<HandlerKind> readBy) {
    return new Variable(name, defaultValue, description, SetBy.TEMPLATE, readBy);
  }
}
