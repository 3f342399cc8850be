package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a server event that actions push to clients with {@code dev.streamer.core.Notifier}
 * ({@code notifier.toTenant(new InvoiceReady(id, url))}). The processor generates the record's codec, its
 * {@code EventType} constant in {@code <App>Events}, a JSON Schema and message in the AsyncAPI document, a
 * TypeScript type and a typed listener in the JavaScript client ({@code client.on('invoice_ready', e => …)}).
 *
 * <p>On the wire: {@code {"type":"event","event":"invoice_ready","data":{…}}}. The record's components follow the
 * same rules as a result record's; it must be public (or visible from the application package) and not generic.
 */
@Documented
@Retention(RetentionPolicy.CLASS) // not SOURCE: incremental builds re-read it from class files
@Target(ElementType.TYPE)
public @interface Event {

  /** Event name on the wire, {@code [a-z][a-z0-9_]*}, unique in the application. */
  String value();

  /** Human-readable description, used in generated documentation. */
  String description() default "";
}
