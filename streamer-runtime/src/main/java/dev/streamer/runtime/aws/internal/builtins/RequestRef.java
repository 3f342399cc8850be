package dev.streamer.runtime.aws.internal.builtins;

/**
 * Payload of the built-in actions: {@code {"requestId": "..."}}.
 *
 * @param requestId the server-assigned id from the request's {@code ack}
 */
public record RequestRef(String requestId) {

  /** Longest request id accepted; ids are UUIDs, so anything longer is not one of ours. */
  public static final int MAX_LENGTH = dev.streamer.core.protocol.Limits.MAX_REQUEST_ID_LENGTH;
}
