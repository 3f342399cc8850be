/**
 * Annotations read by the Streamer annotation processor. None are needed at run time, but retention is CLASS so that
 * incremental compilers can re-read them from class files. The processor also honours the same-named
 * {@code jakarta.validation.constraints} annotations and {@code jakarta.validation.Valid}.
 */
package dev.streamer.annotations;
