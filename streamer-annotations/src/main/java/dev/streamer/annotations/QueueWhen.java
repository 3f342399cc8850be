package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Per-request sync/async decision, declared on the payload record.
 *
 * <p>Put it on a public, no-arg, {@code boolean} instance method of the payload record. When an action's payload
 * declares one, it decides for every request: {@code true} queues the request, {@code false} runs it at once,
 * whatever {@link Action#estimated()} says.
 *
 * <pre>{@code
 * record ReportRequest(String startDate, String endDate, int recordCount) {
 *   @QueueWhen public boolean large() { return recordCount > 1000; }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface QueueWhen {}
