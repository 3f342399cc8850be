package dev.streamer.client;

import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.StreamerError;
import java.util.Objects;

/**
 * A request's typed failure: the server's error as it arrived, or one raised by the client itself ({@code TIMEOUT}
 * when no final reply came in time, {@code SERVICE_UNAVAILABLE} when the connection was lost before the reply,
 * {@code UNAUTHORIZED} when the handshake was refused, {@code CANCELLED} when the client was closed).
 */
public final class StreamerClientException extends RuntimeException {

  private final transient StreamerError error;
  private final String requestId;

  public StreamerClientException(StreamerError error, String requestId) {
    super(Objects.requireNonNull(error, "error").code() + ": " + error.message());
    this.error = error;
    this.requestId = requestId;
  }

  static StreamerClientException of(ErrorCode code, String message, String requestId) {
    return new StreamerClientException(StreamerError.of(code, message), requestId);
  }

  public StreamerError error() {
    return error;
  }

  public ErrorCode code() {
    return error.code();
  }

  /** The server's request id when one was assigned, else null. */
  public String requestId() {
    return requestId;
  }
}
