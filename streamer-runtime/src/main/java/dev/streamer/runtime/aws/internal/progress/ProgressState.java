package dev.streamer.runtime.aws.internal.progress;

/**
 * What the request item says after a progress write.
 *
 * @param connectionId    the connection replies go to now (a {@code subscribe} after a reconnect changes it), or
 *                        null when none is attached
 * @param cancelRequested whether the caller asked to cancel the request
 */
public record ProgressState(String connectionId, boolean cancelRequested) {}
