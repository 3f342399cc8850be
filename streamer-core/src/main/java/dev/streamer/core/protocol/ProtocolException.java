package dev.streamer.core.protocol;

import dev.streamer.core.StreamerException;
import java.util.Map;

/**
 * A client message that is not a valid request envelope: malformed JSON, not an object, a bad {@code id}, a missing
 * or non-string {@code action}, too large, too deeply nested. The message is client-safe.
 */
public final class ProtocolException extends StreamerException {
  private static final long serialVersionUID = 1L;

  private final String clientId;

  public ProtocolException(ErrorCode code, String message, Map<String, Object> details, String clientId) {
    super(code, message, details, null);
    this.clientId = clientId;
  }

  /**
   * A new one, typed as its supertype: the envelope reader throws what this returns, so that its verifier (which
   * checks that a thrown value is a {@code Throwable}) need not load this class and {@code StreamerException} on
   * every cold start; they load with the first invalid message.
   */
  static RuntimeException of(ErrorCode code, String message, Map<String, Object> details, String clientId) {
    return new ProtocolException(code, message, details, clientId);
  }

  /** The client's correlation id when it was read before the fault was found, else null. */
  public String clientId() {
    return clientId;
  }

  /** No stack trace: this is an expected, client-caused outcome, and a cheap one keeps hostile input cheap. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
