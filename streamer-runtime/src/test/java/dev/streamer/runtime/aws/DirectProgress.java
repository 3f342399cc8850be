package dev.streamer.runtime.aws;

import dev.streamer.runtime.aws.internal.connections.MessageSender;
import dev.streamer.runtime.aws.internal.processor.JobProgress;
import dev.streamer.runtime.aws.internal.processor.JobProgressFactory;
import dev.streamer.runtime.aws.internal.progress.ProgressState;
import dev.streamer.runtime.aws.internal.requests.DynamoRequestStore;
import dev.streamer.runtime.aws.internal.requests.RequestRecord;
import dev.streamer.core.protocol.Messages;
import java.util.Optional;

/**
 * Test progress without throttling: every report is written to the request item and sent to its current
 * connection at once, and the stored cancel flag is what {@link #isCancelled()} answers.
 */
public final class DirectProgress implements JobProgress {
  private final DynamoRequestStore store;
  private final MessageSender replies;
  private final RequestRecord claimed;
  private volatile boolean cancelled;
  private volatile boolean closed;

  private DirectProgress(DynamoRequestStore store, MessageSender replies, RequestRecord claimed) {
    this.store = store;
    this.replies = replies;
    this.claimed = claimed;
  }

  public static JobProgressFactory factory(DynamoRequestStore store, MessageSender replies) {
    return (claimed, lease) -> new DirectProgress(store, replies, claimed);
  }

  @Override
  public synchronized void report(double fraction, String message) {
    if (closed) {
      return;
    }
    Optional<ProgressState> state = store.recordProgress(claimed.requestId(), claimed.attempts(), fraction, message);
    if (state.isEmpty()) {
      cancelled = true; // no longer ours
      return;
    }
    cancelled = state.get().cancelRequested();
    replies.send(state.get().connectionId(),
        Messages.progress(claimed.clientId(), claimed.requestId(), fraction, message));
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }
}
