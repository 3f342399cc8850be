package dev.streamer.runtime.aws.internal.processor;

/**
 * Starts the worker function for one request of an isolated action, asynchronously: it returns as soon as the
 * invocation is accepted ({@code InvocationType.EVENT}), never waiting for the job. On AWS, {@link
 * LambdaWorkerInvoker}; on the local stack, an in-process invoker that runs the worker on its own thread.
 */
public interface WorkerInvoker {

  /**
   * Hands {@code job} to a worker. Throws {@link WorkerInvocationException} when the invocation was not accepted
   * (throttled, service fault, no such function): the stream record is then reported for redelivery.
   */
  void invoke(WorkerJob job);

  /** The worker invocation was not accepted. */
  final class WorkerInvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WorkerInvocationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
