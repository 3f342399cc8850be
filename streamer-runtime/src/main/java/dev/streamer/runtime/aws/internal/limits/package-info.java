/**
 * Tenant controls: rate limits ({@code @Action(rateLimit, tenantRateLimit)}, {@code RATE_LIMITS}) enforced by
 * {@code RateLimitInterceptor} with fixed-window counters; capped sets ({@code Slots}) behind the per-user
 * connection cap ({@code MAX_CONNECTIONS_PER_USER}); fair per-tenant running caps of queued jobs
 * ({@code TenantConcurrency}, {@code MAX_RUNNING_PER_TENANT}) used by the processor's claim step. State lives in the
 * connections table, under keys no connection id can take. Implementation: the generated handlers wire it;
 * {@code RateLimits} and {@code RunningCaps} are the configuration grammars.
 */
package dev.streamer.runtime.aws.internal.limits;
