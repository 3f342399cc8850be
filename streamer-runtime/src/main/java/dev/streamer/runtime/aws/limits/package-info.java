/**
 * Tenant controls: rate limits ({@code @Action(rateLimit, tenantRateLimit)}, {@code RATE_LIMITS}) enforced by
 * {@code RateLimitInterceptor} with fixed-window counters, and capped sets ({@code Slots}) behind the per-user
 * connection cap ({@code MAX_CONNECTIONS_PER_USER}). State lives in the connections table, under keys no connection
 * id can take. Implementation: the generated handlers wire it; {@code RateLimits} is the configuration grammar.
 */
package dev.streamer.runtime.aws.limits;
