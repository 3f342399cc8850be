package dev.streamer.core.routing;

/**
 * Middleware around every request, in all three {@link Phase}s: a synchronous action ({@code SYNC}), the queueing
 * of an async one ({@code ENQUEUE}), and its later execution by the stream processor ({@code ASYNC}). Interceptors
 * run in the order they are configured, the first one outermost.
 *
 * <p>An interceptor calls {@link Invocation#proceed()} to continue and returns what it returned (or another value of
 * the route's result type). It short-circuits by throwing: a {@link dev.streamer.core.StreamerException} reaches
 * the client with its code and message (RATE_LIMITED, FORBIDDEN, ...); any other exception becomes INTERNAL_ERROR.
 *
 * <pre>{@code
 * Interceptor tenantsOnly = invocation -> {
 *   if (invocation.context().tenantId() == null) {
 *     throw new StreamerException(ErrorCode.FORBIDDEN, "tenant required");
 *   }
 *   return invocation.proceed();
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Interceptor {

  Object intercept(Invocation invocation) throws Exception;
}
