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
}
