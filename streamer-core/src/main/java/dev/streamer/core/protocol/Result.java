package dev.streamer.core.protocol;

import java.util.Objects;

/**
 * The outcome of one request, as stored for {@code status} look-ups and sent as a {@code result} or {@code error}
 * message.
 *
 * @param requestId server-assigned request id
 * @param success   true for a result, false for an error
 * @param data      the result as JSON text ({@code "null"} for void actions) when successful, else null
 * @param error     the error when not successful, else null
 */
public record Result(String requestId, boolean success, String data, StreamerError error) {

  public Result {
    Objects.requireNonNull(requestId, "requestId");
    if (success && error != null) {
      throw new IllegalArgumentException("a successful result carries no error");
    }
    if (!success && error == null) {
      throw new IllegalArgumentException("a failed result needs an error");
    }
    if (success && data == null) {
      data = "null";
    }
    if (!success && data != null) {
      throw new IllegalArgumentException("a failed result carries no data");
    }
  }

  public static Result success(String requestId, String dataJson) {
    return new Result(requestId, true, dataJson, null);
  }

  public static Result failure(String requestId, StreamerError error) {
    return new Result(requestId, false, null, error);
  }

  /** This outcome as the wire message for the client whose correlation id is {@code clientId}. */
  public String toMessage(String clientId) {
    return success ? Messages.result(clientId, requestId, data) : Messages.error(clientId, requestId, error);
  }
}
