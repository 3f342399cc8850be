package dev.streamer.runtime.aws.internal.requests;

import dev.streamer.core.protocol.CancelOutcome;

/**
 * Outcome of {@link DynamoRequestStore#cancel}.
 *
 * @param outcome what happened
 * @param record  the request after the attempt, or null when it does not exist
 */
public record CancelResult(CancelOutcome outcome, RequestRecord record) {}
