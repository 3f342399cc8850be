package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public instance method as a WebSocket action.
 *
 * <p>The method may take, in any order: at most one payload record, an optional
 * {@code dev.streamer.core.Progress} and an optional {@code dev.streamer.core.RequestContext}.
 * It may return a record, a POJO, a {@code Map}, a primitive or {@code void}, and may throw checked exceptions.
 */
@Documented
@Retention(RetentionPolicy.CLASS) // not SOURCE: incremental builds re-read it from class files
@Target(ElementType.METHOD)
public @interface Action {

  /** Action name on the wire. Defaults to the method name in snake_case ({@code generateReport} → {@code generate_report}). */
  String name() default "";

  /**
   * Expected duration: {@code "250ms"}, {@code "5s"}, {@code "2m"}, {@code "1h30m"}. An action whose estimate is
   * strictly greater than the async threshold (5 s unless configured) is queued and run asynchronously.
   * Left empty, the action is fast and runs synchronously.
   */
  String estimated() default "";

  /** Human-readable description, used in generated documentation. */
  String description() default "";

  /**
   * Per-user rate limit, {@code <limit>/<window>}: {@code "20/1m"} allows each user 20 requests of this action per
   * fixed one-minute window ({@code s}, {@code m} or {@code h}; 1 s to 24 h). A request over it is refused before
   * any work with {@code RATE_LIMITED} and the time it will pass. Empty: no limit (the runtime's
   * {@code RATE_LIMITS} variable may still set one).
   */
  String rateLimit() default "";

  /** Per-tenant rate limit in the same grammar, shared by every user of a tenant; empty: none. */
  String tenantRateLimit() default "";

  /**
   * Runs each request of this action in its own Lambda invocation, the generated worker function
   * ({@code <App>WorkerHandler}), instead of inside the stream processor's batch.
   *
   * <p><b>What it means.</b> The stream processor claims nothing for the request: it marks it dispatched and invokes
   * the worker asynchronously ({@code InvocationType.EVENT}) with the request id and attempt; the worker claims the
   * request (a conditional write, so a duplicate or late invocation runs nothing) and runs it with its own deadline
   * (the worker's remaining time, up to Lambda's 15 minutes), lease and heartbeat, progress, result or error, and
   * the same interceptors as any queued request. The shard's next records are processed at once, so one long job
   * never delays the jobs queued after it, and each job gets the worker's whole memory and CPU.
   *
   * <p><b>What it costs.</b> One more Lambda invocation per request (and a cold start when no worker environment is
   * warm), one more write (the dispatch mark) and one more read (the worker reads the request before claiming it).
   * A worker that never starts, or dies, is re-driven by the sweeper within about 90 seconds.
   *
   * <p><b>When to use it.</b> For heavy or long actions (minutes, large memory), where sharing a batch with other
   * jobs would delay them or starve them of memory; not for short jobs, which run faster inside the processor.
   *
   * <p>Isolation applies to queued requests only, so the action must be asynchronous: {@link #estimated()} strictly
   * greater than the async threshold. An isolated action without such an estimate is a compile error
   * ({@code STREAMER-080}); isolation does not make an action asynchronous by itself.
   */
  boolean isolated() default false;
}
