package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.ProgressUpdate;
import dev.streamer.client.RequestListener;
import dev.streamer.client.StreamerClient;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * A client loses its connection in the middle of a job (the server drops it through the Management API, as an idle
 * timeout or a network fault would), reconnects by itself, re-subscribes, and still gets the job's result.
 */
@StreamerTest(SampleRouteTable.class)
class ReconnectTest {

  private static TestStack testStack;

  @BeforeAll
  static void useStack(TestStack stack) {
    testStack = stack;
  }

  @Test
  void aClientThatReconnectsMidJobSubscribesAndGetsTheResult() throws Exception {
    String user = "reconnect-user";
    List<ProgressUpdate> progress = new CopyOnWriteArrayList<>();
    AtomicReference<String> requestId = new AtomicReference<>();
    CompletableFuture<Void> firstProgress = new CompletableFuture<>();
    try (StreamerClient client = testStack.client(user, "dev-tenant").build();
        ApiGatewayManagementApiClient management = Management.client(testStack.local())) {
      client.connect().get(30, TimeUnit.SECONDS);
      CompletableFuture<String> result = client.request("generate_report",
          "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-12-31\",\"recordCount\":40}", new RequestListener() {
            @Override
            public void onAck(String id) {
              requestId.set(id);
            }

            @Override
            public void onProgress(ProgressUpdate update) {
              progress.add(update);
              firstProgress.complete(null);
            }
          }, Duration.ofSeconds(90));

      firstProgress.get(60, TimeUnit.SECONDS);
      List<String> connections = Management.connectionsOf(testStack.local(), user);
      assertEquals(1, connections.size(), "one open connection: " + connections);
      management.deleteConnection(b -> b.connectionId(connections.get(0)));

      String report = result.get(90, TimeUnit.SECONDS);
      assertEquals(requestId.get(), Frames.fields(report).get("reportId"));
      assertEquals(2, client.connectionCount(), "connected, dropped, reconnected");
      List<String> now = Management.connectionsOf(testStack.local(), user);
      assertEquals(1, now.size());
      assertTrue(!now.get(0).equals(connections.get(0)), "a new connection");
      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i).progress() > progress.get(i - 1).progress(), "progress moves forward: " + progress);
      }
    }
  }
}
