package dev.streamer.core.json;

/**
 * A payload that cannot be decoded: wrong JSON type, missing required field, unknown enum constant, numeric
 * overflow. Carries the JSON path of the fault ({@code items[2].quantity}); the message is client-safe.
 */
public final class JsonDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public JsonDecodeException(String path, String message) {
    super(message, null, false, false); // no stack trace: this is an expected, client-caused outcome
    this.path = path;
  }

  /**
   * A new one, typed as its supertype: code on every request's path (generated codecs, {@link JsonRead}, the router)
   * throws what this returns, so that the JVM's verifier, which checks that a thrown value is a {@code Throwable},
   * need not load this class with that code on every cold start; it loads with the first payload that cannot be
   * decoded.
   */
  public static RuntimeException of(String path, String message) {
    return new JsonDecodeException(path, message);
  }

  /** JSON path of the fault; empty for the payload itself. */
  public String path() {
    return path;
  }
}
