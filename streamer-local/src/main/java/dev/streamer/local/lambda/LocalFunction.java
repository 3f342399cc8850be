package dev.streamer.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.streamer.runtime.aws.lambda.AwsRuntime;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * One Lambda function of the application as the local stack runs it: a name, a timeout, and the handler instance.
 *
 * <p>The handler is created by {@link #instantiate(AwsRuntime)} on the stack's runtime, once the stack's DynamoDB
 * and gateway run (a generated handler's constructor that takes an {@link AwsRuntime}).
 *
 * @param <E> event type
 * @param <R> response type
 */
public final class LocalFunction<E, R> {

  private final String name;
  private final Duration timeout;
  private final Function<AwsRuntime, ? extends RequestHandler<E, R>> factory;
  private volatile RequestHandler<E, R> handler;

  public LocalFunction(String name, Duration timeout, Function<AwsRuntime, ? extends RequestHandler<E, R>> factory) {
    this.name = Objects.requireNonNull(name, "name");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  public String name() {
    return name;
  }

  /** Creates the handler instance on {@code runtime} (once). */
  public synchronized void instantiate(AwsRuntime runtime) {
    if (handler == null) {
      handler = Objects.requireNonNull(factory.apply(runtime), () -> name + ": the handler factory returned null");
    }
  }

  /** Makes {@code next} the handler later invocations run on; invocations already running finish on the previous one. */
  public void replace(RequestHandler<E, R> next) {
    this.handler = Objects.requireNonNull(next, "handler");
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
