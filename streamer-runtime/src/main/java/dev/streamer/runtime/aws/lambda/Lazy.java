package dev.streamer.runtime.aws.lambda;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Part {@code part} of an {@link AwsRuntime}, given or built by it on first use (then the runtime is no longer
 * referenced), or built by a factory. Thread-safe: built once.
 */
final class Lazy<T> implements Supplier<T> {
  private AwsRuntime owner;
  private final int part;
  private Supplier<? extends T> factory;
  private volatile T value;

  Lazy(AwsRuntime owner, int part, T given) {
    this.owner = given == null ? owner : null;
    this.part = part;
    this.value = given;
  }

  /** Built by {@code factory} on first use (parts outside the start path). */
  Lazy(Supplier<? extends T> factory) {
    this.part = -1;
    this.factory = factory;
  }

  void ifBuilt(Consumer<? super T> action) {
    T current = value;
    if (current != null) {
      action.accept(current);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        if (value == null) {
          value = (T) Objects.requireNonNull(factory != null ? factory.get() : owner.build(part));
          owner = null;
          factory = null;
        }
        current = value;
      }
    }
    return current;
  }
}
