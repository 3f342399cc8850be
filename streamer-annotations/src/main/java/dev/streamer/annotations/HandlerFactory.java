package dev.streamer.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that supplies handler instances, for handlers that need dependencies.
 *
 * <p>The class must be public, have a public no-arg constructor and implement the generated
 * {@code <App>Handlers} interface. Generated code instantiates it with {@code new}: no reflection.
 * At most one per application.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface HandlerFactory {}
