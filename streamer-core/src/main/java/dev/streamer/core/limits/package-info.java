/**
 * Tenant controls shared by the processor and the runtime: the {@link dev.streamer.core.limits.RateLimit} grammar
 * of {@code @Action(rateLimit, tenantRateLimit)} and of the {@code RATE_LIMITS} overrides.
 */
package dev.streamer.core.limits;
