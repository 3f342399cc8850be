package dev.streamer.runtime.aws.internal.connections;

/**
 * Sends one text message to one WebSocket connection. {@link ConnectionManager} is the implementation on API
 * Gateway; progress reporters and the stream processor depend on this interface only.
 */
@FunctionalInterface
public interface MessageSender {

  /**
   * Sends {@code message} to {@code connectionId}.
   *
   * @return true when delivered; false when the connection is gone (its record is removed, nothing is thrown, so a
   *     job never fails because its caller went away)
   * @throws MessageTooLargeException   if the message exceeds the WebSocket limit; nothing was sent
   * @throws DeliveryFailedException    if throttling or server errors outlasted the retries (retryable)
   * @throws DeliveryRejectedException  if API Gateway refused the call for good (for example 403 Forbidden)
   */
  boolean send(String connectionId, String message);
}
