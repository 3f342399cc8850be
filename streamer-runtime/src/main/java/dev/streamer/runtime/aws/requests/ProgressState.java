package dev.streamer.runtime.aws.requests;

/**
 * What a progress write learns about its request.
 *
 * @param connectionId    where replies go now (it changes when the client subscribes from a new connection)
 * @param cancelRequested the caller asked to cancel
 */
public record ProgressState(String connectionId, boolean cancelRequested) {}
