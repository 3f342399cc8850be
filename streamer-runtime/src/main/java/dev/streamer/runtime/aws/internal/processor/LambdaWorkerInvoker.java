package dev.streamer.runtime.aws.internal.processor;

import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Invokes the worker function with {@code InvocationType.EVENT}: Lambda queues the event and answers 202 at once;
 * the job runs in the worker's own invocation. A throttled or failed {@code Invoke} (429 {@code
 * TooManyRequestsException}, 5xx, network) throws {@link WorkerInvoker.WorkerInvocationException}, after the SDK's
 * own retries.
 */
public final class LambdaWorkerInvoker implements WorkerInvoker {

  private final Supplier<LambdaClient> client;
  private final String functionName;

  /**
   * {@code functionName}: the worker's name or ARN, with its alias ({@code WORKER_FUNCTION}); {@code client} is asked
   * on the first invocation, so a processor that never dispatches never builds it.
   */
  public LambdaWorkerInvoker(Supplier<LambdaClient> client, String functionName) {
    this.client = Objects.requireNonNull(client, "client");
    this.functionName = Objects.requireNonNull(functionName, "functionName");
  }

  @Override
  public void invoke(WorkerJob job) {
    InvokeResponse response;
    try {
      response = client.get().invoke(b -> b
          .functionName(functionName)
          .invocationType(InvocationType.EVENT)
          .payload(SdkBytes.fromUtf8String(job.toJson())));
    } catch (SdkException e) {
      throw new WorkerInvocationException("worker " + functionName + " not invoked", e);
    }
    if (response.statusCode() != 202) {
      throw new WorkerInvocationException("worker " + functionName + " answered " + response.statusCode()
          + " to an asynchronous invocation (202 expected)", null);
    }
  }
}
