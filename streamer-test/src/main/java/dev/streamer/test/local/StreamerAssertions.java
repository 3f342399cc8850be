package dev.streamer.test.local;

import dev.streamer.client.ProgressUpdate;
import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.StreamerError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Short assertions for end-to-end tests; import them statically.
 *
 * <pre>{@code
 * Call batch = send(client, "quote_batch", "{\"skus\":[\"A-1\",\"B-2\"]}");
 * String json = awaitResult(batch);                   // the result's data
 * List<ProgressUpdate> progress = progressOf(batch);  // what the client heard
 * assertError(ErrorCode.VALIDATION_ERROR, send(client, "quote_price", "{}"));
 * }</pre>
 *
 * <p>Every wait is bounded by {@link #TIMEOUT} and fails with what was seen instead.
 */
public final class StreamerAssertions {

  /** The longest any of these waits: generous, because a build machine may be busy. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private StreamerAssertions() {}

  /** Sends {@code action} with {@code payloadJson} (raw JSON, or null for none), recording what comes back. */
  public static Call send(StreamerClient client, String action, String payloadJson) {
    return Call.send(client, action, payloadJson);
  }

  /** The call's result data, as JSON text; an {@link AssertionError} with the error's code and message otherwise. */
  public static String awaitResult(Call call) {
    return call.awaitResult();
  }

  /** The result data of {@code reply} (a future of {@link StreamerClient#request}), as JSON text. */
  public static String awaitResult(CompletableFuture<String> reply) {
    return awaitResult(reply, "the request");
  }

  /** Every progress update heard for {@code call}, after waiting until it ended (with a result or an error). */
  public static List<ProgressUpdate> progressOf(Call call) {
    await(call.result().handle((r, e) -> null), call.action());
    return call.progress();
  }

  /** The call's failure after checking its code; an {@link AssertionError} naming what came instead. */
  public static StreamerClientException assertError(ErrorCode code, Call call) {
    return call.assertError(code);
  }

  /** The failure of {@code reply} after checking its code. */
  public static StreamerClientException assertError(ErrorCode code, CompletableFuture<?> reply) {
    return assertError(code, reply, "the request");
  }

  static String awaitResult(CompletableFuture<String> reply, String what) {
    try {
      return reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected a result of " + what + ", got " + describe(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("no reply to " + what + " within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  static StreamerClientException assertError(ErrorCode code, CompletableFuture<?> reply, String what) {
    Object value;
    try {
      value = reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StreamerClientException error && error.code() == code) {
        return error;
      }
      throw new AssertionError("expected " + code + " from " + what + ", got " + describe(e.getCause()),
          e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("no reply to " + what + " within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    throw new AssertionError("expected " + code + " from " + what + ", got the result " + value);
  }

  private static void await(CompletableFuture<?> done, String what) {
    try {
      done.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(what + " did not end within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static String describe(Throwable failure) {
    if (failure instanceof StreamerClientException client) {
      StreamerError error = client.error();
      return error.code() + " (" + error.message() + (error.details().isEmpty() ? "" : ", " + error.details()) + ")";
    }
    return String.valueOf(failure);
  }
}
