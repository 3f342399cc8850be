package dev.streamer.local.lambda;

import dev.streamer.runtime.aws.internal.processor.IsolatedExecution;
import dev.streamer.runtime.aws.internal.processor.WorkerInvoker;
import dev.streamer.runtime.aws.internal.processor.WorkerJob;
import dev.streamer.runtime.aws.internal.threads.DaemonThreads;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's stand-in for Lambda's asynchronous {@code Invoke} of the worker function
 * ({@code InvocationType.EVENT}): {@link #invoke} returns at once and the worker runs on a thread of its own, with
 * the worker function's timeout as its remaining time. A worker that fails is retried as the template configures
 * Lambda to ({@link IsolatedExecution#MAXIMUM_RETRY_ATTEMPTS}, after Lambda's one then two minutes).
 */
public final class LocalWorkerInvoker implements WorkerInvoker, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(LocalWorkerInvoker.class.getName());

  private final LocalFunction<Map<String, Object>, String> worker;
  private final ExecutorService threads;

  public LocalWorkerInvoker(LocalFunction<Map<String, Object>, String> worker) {
    this.worker = Objects.requireNonNull(worker, "worker");
    this.threads = Executors.newCachedThreadPool(DaemonThreads.named("local-worker"));
  }

  @Override
  public void invoke(WorkerJob job) {
    try {
      threads.execute(() -> run(job));
    } catch (RejectedExecutionException stopped) {
      throw new WorkerInvocationException("the local stack is stopping", stopped);
    }
  }

  private void run(WorkerJob job) {
    for (int attempt = 0; attempt <= IsolatedExecution.MAXIMUM_RETRY_ATTEMPTS; attempt++) {
      try {
        if (attempt > 0) {
          Thread.sleep(Duration.ofMinutes(attempt).toMillis()); // Lambda: 1 min, then 2 min
        }
        worker.invoke(job.toEvent());
        return;
      } catch (InterruptedException stopping) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "worker invocation failed for request " + job.requestId(), e);
      }
    }
  }

  /** Stops the workers still running (their leases expire; a restarted stack's sweeper takes them back). */
  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
