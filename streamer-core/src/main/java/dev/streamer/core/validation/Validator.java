package dev.streamer.core.validation;

/** Checks every constraint of a record and of the records it cascades into. Generated per record; no reflection. */
@FunctionalInterface
public interface Validator<T> {

  /** Adds each violation of {@code value} (at {@code path}) to {@code out}. {@code value} is never null. */
  void validate(T value, Path path, Violations out);
}
