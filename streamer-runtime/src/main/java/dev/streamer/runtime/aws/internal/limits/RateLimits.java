package dev.streamer.runtime.aws.internal.limits;

import dev.streamer.core.RetryableException;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.routing.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rate limits in force: each route's compiled {@code @Action(rateLimit, tenantRateLimit)}, overridden by the
 * {@value #ENV} environment variable so that operators can tighten or relax limits without a rebuild.
 *
 * <p>{@value #ENV} is a comma-separated list of {@code [<tenantId>/]<action>.<scope>=<limit>} where
 * {@code <action>} is an action name or {@code *} (every action of the application, not the built-ins
 * {@code status}, {@code subscribe} and {@code cancel}, which are limited only when named), {@code <scope>} is
 * {@code user} (one counter per user) or {@code tenant} (one counter per tenant), and {@code <limit>} is a
 * {@link RateLimit} ({@code 20/1m}) or {@code off}. With a {@code <tenantId>/} prefix the entry applies to that
 * tenant's callers only. For one action, scope and tenant the most specific entry wins: tenant and action, then
 * tenant and {@code *}, then action, then {@code *}, then the compiled value.
 *
 * <pre>
 * RATE_LIMITS=generate_report.user=10/1m, generate_report.tenant=500/1m, acme/generate_report.tenant=5000/1m,
 *             *.user=100/1m, free-tier/*.user=10/1m, acme/export.user=off
 * </pre>
 *
 * <p>Tenant ids containing {@code ,}, {@code =} or whitespace at either end cannot be named here.
 */
public final class RateLimits {

  public static final String ENV = "RATE_LIMITS";

  /** Per user or per tenant. */
  public enum Scope {
    USER,
    TENANT;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The RATE_LIMITED error of a request this scope's {@code limit} refused, retryable after {@code wait} (at
     * {@code retryAt}). Built here, in a class loaded only when a limit applies, and typed as its supertype: the
     * interceptor's verifier would otherwise load the exception class at every cold start.
     */
    RuntimeException refusal(RateLimit limit, Duration wait, Instant retryAt) {
      return new RetryableException(ErrorCode.RATE_LIMITED, "rate limit exceeded: " + limit + " per " + label(),
          Map.of("scope", label(), "limit", limit.limit(), "window", limit.windowText()),
          wait.isNegative() ? Duration.ZERO : wait, retryAt, null);
    }
  }

  private static final Pattern ACTION = Pattern.compile("\\*|[a-z][a-z0-9_]*");
  private static final String ANY = "*";

  /** Key {@code tenant|action|scope} (tenant empty for every tenant); value empty for {@code off}. */
  private final Map<String, Optional<RateLimit>> overrides;

  private RateLimits(Map<String, Optional<RateLimit>> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  private static final RateLimits COMPILED = new RateLimits(Map.of());

  /** Only the compiled limits. */
  public static RateLimits compiled() {
    return COMPILED;
  }

  /** Reads {@value #ENV}; throws {@link IllegalArgumentException} naming the variable and the bad entry. */
  public static RateLimits fromEnvironment(Map<String, String> env) {
    return parse(env.get(ENV));
  }

  /** Parses the {@value #ENV} grammar; null or blank means no overrides. */
  public static RateLimits parse(String text) {
    Map<String, Optional<RateLimit>> overrides = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return new RateLimits(overrides);
    }
    for (String raw : text.split(",")) {
      String entry = raw.strip();
      if (entry.isEmpty()) {
        continue;
      }
      int equals = entry.lastIndexOf('=');
      if (equals < 0) {
        throw bad(entry, "expected [<tenantId>/]<action>.<user|tenant>=<limit|off>");
      }
      String selector = entry.substring(0, equals).strip();
      String value = entry.substring(equals + 1).strip();
      int slash = selector.lastIndexOf('/');
      String tenant = slash < 0 ? "" : selector.substring(0, slash).strip();
      if (slash >= 0 && tenant.isEmpty()) {
        throw bad(entry, "empty tenant id before '/'");
      }
      String actionScope = selector.substring(slash + 1);
      int dot = actionScope.lastIndexOf('.');
      if (dot < 0) {
        throw bad(entry, "expected <action>.user or <action>.tenant before '='");
      }
      String action = actionScope.substring(0, dot);
      if (!ACTION.matcher(action).matches()) {
        throw bad(entry, "'" + action + "' is neither an action name nor *");
      }
      Scope scope = switch (actionScope.substring(dot + 1)) {
        case "user" -> Scope.USER;
        case "tenant" -> Scope.TENANT;
        default -> throw bad(entry, "scope must be user or tenant");
      };
      Optional<RateLimit> limit;
      if (value.equals("off")) {
        limit = Optional.empty();
      } else {
        try {
          limit = Optional.of(RateLimit.parse(value));
        } catch (IllegalArgumentException e) {
          throw bad(entry, e.getMessage());
        }
      }
      if (overrides.put(key(tenant, action, scope), limit) != null) {
        throw bad(entry, "set twice");
      }
    }
    return new RateLimits(overrides);
  }

  /** The limit of {@code scope} for {@code route} and a caller of {@code tenantId} (null: none), or null. */
  public RateLimit limit(Route<?, ?> route, Scope scope, String tenantId) {
    String action = route.action();
    boolean builtin = BuiltinAction.isBuiltin(action);
    if (tenantId != null && !overrides.isEmpty()) {
      Optional<RateLimit> found = overrides.get(key(tenantId, action, scope));
      if (found == null && !builtin) {
        found = overrides.get(key(tenantId, ANY, scope));
      }
      if (found != null) {
        return found.orElse(null);
      }
    }
    Optional<RateLimit> found = overrides.get(key("", action, scope));
    if (found == null && !builtin) {
      found = overrides.get(key("", ANY, scope));
    }
    if (found != null) {
      return found.orElse(null);
    }
    return scope == Scope.USER ? route.rateLimit() : route.tenantRateLimit();
  }

  /** Whether no override is set. */
  public boolean isEmpty() {
    return overrides.isEmpty();
  }

  private static String key(String tenant, String action, Scope scope) {
    return tenant + "\u0000" + action + "\u0000" + scope;
  }

  private static IllegalArgumentException bad(String entry, String why) {
    return new IllegalArgumentException(ENV + ": '" + entry + "': " + why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateLimits other && overrides.equals(other.overrides);
  }

  @Override
  public int hashCode() {
    return Objects.hash(overrides);
  }
}
