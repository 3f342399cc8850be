package dev.streamer.core.routing;

/**
 * Where the router puts requests that run asynchronously. The production implementation writes to the DynamoDB
 * requests table; its stream triggers the processor.
 */
public interface RequestQueue {

  /**
   * Stores {@code request} durably as PENDING. Must be idempotent for the same {@code requestId}. Throws
   * {@link dev.streamer.core.RetryableException} (mapped to SERVICE_UNAVAILABLE) when storage is unavailable.
   */
  void enqueue(AsyncRequest request);
}
