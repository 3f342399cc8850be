package dev.streamer.core.routing;

/** Where an {@link Interceptor} runs. */
public enum Phase {
  /** Around a synchronous action, in the router; {@link Invocation#proceed()} returns the action's result. */
  SYNC,
  /**
   * Around putting an async request on the {@link RequestQueue}, in the router; {@link Invocation#proceed()}
   * returns null. Throwing here rejects the request before it is queued.
   */
  ENQUEUE,
  /** Around an async action, in the stream processor; {@link Invocation#proceed()} returns the action's result. */
  ASYNC
}
