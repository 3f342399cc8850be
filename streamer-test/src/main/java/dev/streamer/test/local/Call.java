package dev.streamer.test.local;

import dev.streamer.client.ProgressUpdate;
import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One request sent by a test, with what it heard so far: its acknowledgment (for a queued request), its progress and
 * its final reply. Start one with {@link StreamerAssertions#send}.
 */
public final class Call {

  private final String action;
  private final CompletableFuture<String> acked = new CompletableFuture<>();
  private final List<ProgressUpdate> progress = new CopyOnWriteArrayList<>();
  private final CompletableFuture<String> result;

  private Call(StreamerClient client, String action, String payloadJson) {
    this.action = Objects.requireNonNull(action, "action");
    this.result = client.request(action, payloadJson, new RequestListener() {
      @Override
      public void onAck(String requestId) {
        acked.complete(requestId);
      }

      @Override
      public void onProgress(ProgressUpdate update) {
        progress.add(update);
      }
    }, StreamerAssertions.TIMEOUT);
  }

  static Call send(StreamerClient client, String action, String payloadJson) {
    return new Call(Objects.requireNonNull(client, "client"), action, payloadJson);
  }

  public String action() {
    return action;
  }

  /** The final reply: the result's {@code data} as JSON text, or a {@link StreamerClientException}. */
  public CompletableFuture<String> result() {
    return result;
  }

  /** The result's data as JSON text; see {@link StreamerAssertions#awaitResult(Call)}. */
  public String awaitResult() {
    return StreamerAssertions.awaitResult(result, action);
  }

  /** The error's client exception after checking its code; see {@link StreamerAssertions#assertError(ErrorCode, Call)}. */
  public StreamerClientException assertError(ErrorCode code) {
    return StreamerAssertions.assertError(code, result, action);
  }

  /**
   * The server's request id from the acknowledgment of a queued request; an {@link AssertionError} when the action
   * answered at once (it was not queued) or nothing came in time.
   */
  public String awaitRequestId() {
    CompletableFuture.anyOf(acked, result.handle((r, e) -> null)).orTimeout(
        StreamerAssertions.TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).handle((r, e) -> null)
        .join();
    if (!acked.isDone()) {
      throw new AssertionError(action + " was not acknowledged as queued" + (result.isDone()
          ? ": it was answered at once" : " within " + StreamerAssertions.TIMEOUT));
    }
    return acked.join();
  }

  /** Progress heard so far, oldest first (batched by the runtime: not every report the action made). */
  public List<ProgressUpdate> progress() {
    return List.copyOf(progress);
  }

  @Override
  public String toString() {
    return "Call[" + action + (result.isDone() ? ", done" : "") + ", " + progress.size() + " progress]";
  }
}
