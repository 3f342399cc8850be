package dev.streamer.runtime.aws.internal.connections;

/**
 * What a broadcast achieved; one connection's failure never stops the others.
 *
 * @param delivered connections that received the message
 * @param gone      connections found gone (their records were deleted)
 * @param failed    connections that could not be reached (throttling or errors outlasted the retries, or rejected)
 */
public record BroadcastResult(int delivered, int gone, int failed) {

  public int attempted() {
    return delivered + gone + failed;
  }
}
