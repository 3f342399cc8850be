package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.routing.Phase;
import dev.streamer.samples.ActionMetrics;
import dev.streamer.samples.SampleHandlerFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The interceptors the app's {@code @HandlerFactory} supplies run inside the generated handlers: around a sync
 * action in {@code $default}, around the enqueue of an async one there, and around its execution in the stream
 * processor.
 */
class InterceptorTest {

  @Test
  void theFactorysInterceptorWrapsSyncEnqueueAndAsyncExecution() throws Exception {
    ActionMetrics metrics = SampleHandlerFactory.metrics();
    long echoes = metrics.runs(Phase.SYNC, "echo");
    long enqueued = metrics.runs(Phase.ENQUEUE, "generate_report");
    long executed = metrics.runs(Phase.ASYNC, "generate_report");
    try (StreamerClient client = SharedStack.client("interceptor-user", "dev-tenant").build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      client.request("echo", "{\"message\":\"counted\"}").get(30, TimeUnit.SECONDS);
      String report = client.request("generate_report",
          "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":5}").get(90, TimeUnit.SECONDS);
      assertTrue(report.contains("\"recordCount\":5"), report);
      assertThrows(ExecutionException.class, () -> client.request("echo", "{\"message\":\"\"}")
          .get(30, TimeUnit.SECONDS)); // invalid: rejected before any interceptor runs
    }
    assertEquals(echoes + 1, metrics.runs(Phase.SYNC, "echo"));
    assertEquals(enqueued + 1, metrics.runs(Phase.ENQUEUE, "generate_report"));
    assertTrue(metrics.runs(Phase.ASYNC, "generate_report") >= executed + 1, "the stream processor's run counted");
    assertEquals(0, metrics.runs(Phase.SYNC, "generate_report"));
  }
}
