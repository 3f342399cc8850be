package dev.streamer.runtime.aws.processor;

/**
 * Where the processor sends a request's final message: the connection manager's sender in production. Delivery is
 * best effort by contract: a connection that is gone (or any send fault) returns false and never fails the job.
 */
@FunctionalInterface
public interface ReplyChannel {

  /** Sends {@code message} (one JSON text frame) to {@code connectionId}; false when it could not be delivered. */
  boolean send(String connectionId, String message);
}
