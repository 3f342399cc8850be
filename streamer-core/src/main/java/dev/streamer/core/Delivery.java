package dev.streamer.core;

/**
 * What sending one event achieved; one connection's failure never stops the others.
 *
 * @param delivered connections that received the event
 * @param gone      connections found gone (API Gateway answered 410; their records were deleted)
 * @param failed    connections not reached: throttling (429) or server errors outlasted the retries, or the
 *                  endpoint refused the call
 */
public record Delivery(int delivered, int gone, int failed) {

  /** Nobody was addressed (no connection, or one outside the caller's tenant). */
  public static final Delivery NONE = new Delivery(0, 0, 0);

  public Delivery {
    if (delivered < 0 || gone < 0 || failed < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }

  /** Connections addressed: delivered + gone + failed. */
  public int attempted() {
    return delivered + gone + failed;
  }

  /** The sum of both, for a send done in parts. */
  public Delivery plus(Delivery other) {
    return new Delivery(delivered + other.delivered, gone + other.gone, failed + other.failed);
  }
}
