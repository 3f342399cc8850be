/**
 * Annotations read by the Streamer annotation processor. None are needed at run time, but retention is CLASS so that
 * incremental compilers can re-read them from class files. The processor also honours the same-named
 * {@code jakarta.validation.constraints} annotations and {@code jakarta.validation.Valid}.
 *
 * <p>The constraints target record components and type uses, so they also constrain the values of a container
 * ({@code List<@NotNull @Valid Line>}, {@code Map<String, @Positive Integer>}). As for every type annotation, on a
 * qualified type name they go before the simple name: {@code java.util.@NotNull List<String>}.
 */
package dev.streamer.annotations;
