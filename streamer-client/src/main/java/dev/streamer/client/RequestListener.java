package dev.streamer.client;

/**
 * Optional callbacks of one request, called in order on the client's callback thread (never on the socket's).
 */
public interface RequestListener {

  /** The request was queued; {@code requestId} identifies it for {@code status}, {@code subscribe} and {@code cancel}. */
  default void onAck(String requestId) {}

  /** A progress report; progress never goes backwards for one request. */
  default void onProgress(ProgressUpdate update) {}
}
