package dev.streamer.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Lambda function of the application as the local stack runs it: a name, a timeout, and the handler instance.
 *
 * <p>The handler is created from its supplier only by {@link #instantiate()}, which the stack calls after it has
 * published the configuration: a generated handler reads its configuration in its static initializer, so its class
 * must not be initialized earlier.
 *
 * @param <E> event type
 * @param <R> response type
 */
public final class LocalFunction<E, R> {

  private final String name;
  private final Duration timeout;
  private final Supplier<? extends RequestHandler<E, R>> factory;
  private volatile RequestHandler<E, R> handler;

  public LocalFunction(String name, Duration timeout, Supplier<? extends RequestHandler<E, R>> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public String name() {
    return name;
  }

  /** Creates the handler instance (once). */
  public synchronized void instantiate() {
    if (handler == null) {
      handler = Objects.requireNonNull(factory.get(), () -> name + ": the handler factory returned null");
    }
  }

  /** Runs one invocation with a fresh {@link LocalContext}; exceptions propagate as they would fail the invocation. */
  public R invoke(E event) {
    return invoke(event, timeout);
  }

  /** As {@link #invoke(Object)}, with {@code remaining} as the invocation's time instead of the function's timeout. */
  public R invoke(E event, Duration remaining) {
    RequestHandler<E, R> current = handler;
    if (current == null) {
      throw new IllegalStateException(name + " is not instantiated yet");
    }
    return current.handleRequest(event, new LocalContext(name, remaining));
  }
}
