package dev.streamer.client;

/**
 * One progress report of an asynchronous request.
 *
 * @param requestId server-assigned request id
 * @param progress  fraction done, 0.0 to 1.0; never decreases for one request
 * @param message   the action's message, or null
 */
public record ProgressUpdate(String requestId, double progress, String message) {}
