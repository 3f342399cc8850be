package dev.streamer.runtime.aws.internal.limits;

import dev.streamer.core.RequestContext;
import dev.streamer.core.RetryableException;
import dev.streamer.core.limits.RateLimit;
import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.Invocation;
import dev.streamer.core.routing.Phase;
import dev.streamer.core.routing.Route;
import dev.streamer.runtime.aws.internal.observability.JsonLog;
import dev.streamer.runtime.aws.internal.observability.LogFields;
import dev.streamer.runtime.aws.internal.observability.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Enforces {@link RateLimits} before a synchronous action runs or an async one is queued (phases SYNC and
 * ENQUEUE; a queued request was counted when it was queued, so phase ASYNC passes through). It is the outermost
 * interceptor: a refused request does no work beyond decoding and validating its bounded payload, which costs no
 * I/O, while the check itself is one conditional {@code UpdateItem} per limit.
 *
 * <p>The per-user limit is checked first, then the per-tenant one; a request the tenant limit refuses gives its
 * per-user slot back. A caller without a user id is counted by its connection id. Refused: {@code RATE_LIMITED},
 * {@code retry.retryable = true}, {@code retry.after} = the end of the window, {@code details} = {@code scope},
 * {@code limit}, {@code window}. If DynamoDB cannot be reached the request is let through (logged): a limiter
 * outage must not become a service outage.
 */
public final class RateLimitInterceptor implements Interceptor {

  /** Null for the compiled limits only ({@code RATE_LIMITS} unset): the class is loaded when a limit applies. */
  private final RateLimits limits;
  /** Asked when a limit first applies: a cold start serving an action without one builds no counters. */
  private final Supplier<FixedWindowCounters> counters;
  private final Clock clock;
  /** Asked only when a request is refused or not checked: a cold start serving allowed requests builds neither. */
  private final Supplier<JsonLog> log;
  private final Supplier<Metrics> metrics;

  /**
   * The limits read once ({@code RATE_LIMITS} at the message handler's cold start); null for the routes' compiled
   * limits only.
   */
  public RateLimitInterceptor(RateLimits limits, Supplier<FixedWindowCounters> counters, Clock clock,
      Supplier<JsonLog> log, Supplier<Metrics> metrics) {
    this.limits = limits;
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public Object intercept(Invocation invocation) throws Exception {
    if (invocation.phase() == Phase.ASYNC) {
      return invocation.proceed();
    }
    Route<?, ?> route = invocation.route();
    RequestContext context = invocation.context();
    RateLimits current = limits;
    if ((current == null || current.isEmpty()) && route.rateLimit() == null && route.tenantRateLimit() == null) {
      return invocation.proceed(); // no limit anywhere: nothing to look up
    }
    if (current == null) {
      current = RateLimits.compiled();
    }
    RateLimit perUser = current.limit(route, RateLimits.Scope.USER, context.tenantId());
    RateLimit perTenant = context.tenantId() == null ? null
        : current.limit(route, RateLimits.Scope.TENANT, context.tenantId());
    if (perUser == null && perTenant == null) {
      return invocation.proceed();
    }
    FixedWindowCounters.Decision user = null;
    // The counters are built on first use inside this fail-open block; on Lambda the DynamoDB client they need was
    // built by the function's constructor already, so only the counters' own faults let a request through here.
    try {
      if (perUser != null) {
        user = counters.get().acquire("user:" + route.action(), userKey(context), perUser);
        if (!user.allowed()) {
          throw refused(context, RateLimits.Scope.USER, perUser, user);
        }
      }
      if (perTenant != null) {
        FixedWindowCounters.Decision tenant =
            counters.get().acquire("tenant:" + route.action(), context.tenantId(), perTenant);
        if (!tenant.allowed()) {
          if (user != null) {
            counters.get().release(user);
          }
          throw refused(context, RateLimits.Scope.TENANT, perTenant, tenant);
        }
      }
    } catch (RuntimeException e) {
      // one catch of the supertype: a catch clause naming RetryableException would load it at every cold start
      if (e instanceof RetryableException) {
        throw e; // refused
      }
      log.get().error("rate limit not checked; request let through", fields(context), e);
    }
    return invocation.proceed();
  }

  private RuntimeException refused(RequestContext context, RateLimits.Scope scope, RateLimit limit,
      FixedWindowCounters.Decision decision) {
    metrics.get().requestThrottled(context.action(), scope.label(), context.requestId());
    return scope.refusal(limit, Duration.between(clock.instant(), decision.retryAt()), decision.retryAt());
  }

  private static String userKey(RequestContext context) {
    if (context.userId() != null) {
      return context.userId();
    }
    return context.connectionId() == null ? "anonymous" : "connection:" + context.connectionId();
  }

  private static LogFields fields(RequestContext context) {
    return LogFields.empty().requestId(context.requestId()).action(context.action()).tenantId(context.tenantId());
  }
}
