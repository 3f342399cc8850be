package dev.streamer.core.routing;

import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;
import java.util.List;

/** One step of an interceptor chain: what is being run, and {@link #proceed()} to run the rest of the chain. */
public final class Invocation {

  /** What the chain wraps besides the action (null: the action): the enqueue. */
  @FunctionalInterface
  interface Target {
    Object run() throws Exception;
  }

  private final Phase phase;
  private final Route<?, ?> route;
  private final Object payload;
  private final RequestContext context;
  private final Progress progress;
  private final List<Interceptor> chain;
  private final int index;
  private final Target target;

  Invocation(Phase phase, Route<?, ?> route, Object payload, RequestContext context, Progress progress,
      List<Interceptor> chain, int index, Target target) {
    this.phase = phase;
    this.route = route;
    this.payload = payload;
    this.context = context;
    this.progress = progress;
    this.chain = chain;
    this.index = index;
    this.target = target;
  }

  public Phase phase() {
    return phase;
  }

  public Route<?, ?> route() {
    return route;
  }

  public String action() {
    return route.action();
  }

  /** The decoded, validated payload (null for actions without one). */
  public Object payload() {
    return payload;
  }

  public RequestContext context() {
    return context;
  }

  /**
   * The progress reporter the action gets ({@link Progress#none()} in phase ENQUEUE and for an action that takes
   * none, which is passed null: made here, only when asked).
   */
  public Progress progress() {
    return progress != null ? progress : Progress.none();
  }

  /**
   * Runs the next interceptor, or the target after the last one. Returns the action's result (null in phase
   * ENQUEUE). May be called more than once, each call running the rest of the chain again (a retrying interceptor).
   */
  public Object proceed() throws Exception {
    if (index < chain.size()) {
      return chain.get(index).intercept(
          new Invocation(phase, route, payload, context, progress, chain, index + 1, target));
    }
    return target != null ? target.run() : RouteExecutor.invoke(route, payload, context, progress);
  }
}
