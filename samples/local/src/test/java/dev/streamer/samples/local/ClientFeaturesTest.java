package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.samples.EchoRequest;
import dev.streamer.samples.EchoRequestJson;
import dev.streamer.samples.EchoResult;
import dev.streamer.samples.EchoResultJson;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;

/** The Java client's own features against the generated handlers: typed calls, timeouts, heartbeats, subprotocol. */
@StreamerTest(SampleRouteTable.class)
class ClientFeaturesTest {

  private static TestStack testStack;

  @BeforeAll
  static void useStack(TestStack stack) {
    testStack = stack;
  }

  @Test
  void typedRequestsUseTheGeneratedCodecs() throws Exception {
    try (StreamerClient client = testStack.client("typed-user", "dev-tenant").build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      EchoResult result = client.request("echo", new EchoRequest("typed"), EchoRequestJson.WRITER,
          EchoResultJson.READER, null).get(30, TimeUnit.SECONDS);
      assertEquals(new EchoResult("typed", "typed-user", "dev-tenant"), result);
    }
  }

  @Test
  void aRequestWithoutAFinalReplyInTimeFailsWithTimeout() throws Exception {
    try (StreamerClient client = testStack.client("timeout-user", "dev-tenant").build()) {
      client.connect().get(30, TimeUnit.SECONDS);
      ExecutionException failed = assertThrows(ExecutionException.class, () -> client.request("generate_report",
          "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":40}", null,
          Duration.ofMillis(100)).get(30, TimeUnit.SECONDS));
      assertEquals(ErrorCode.TIMEOUT, assertInstanceOf(StreamerClientException.class, failed.getCause()).code());
      assertEquals(0, client.inFlight());
      // the connection is unaffected
      assertEquals("after", Frames.fields(client.request("echo", "{\"message\":\"after\"}")
          .get(30, TimeUnit.SECONDS)).get("message"));
    }
  }

  @Test
  void heartbeatsReachTheGatewayAndKeepTheConnection() throws Exception {
    String user = "heartbeat-user";
    try (StreamerClient client = testStack.client(user, "dev-tenant")
        .heartbeatInterval(Duration.ofMillis(200)).heartbeatTimeout(Duration.ofSeconds(10)).build();
        ApiGatewayManagementApiClient management = Management.client(testStack.local())) {
      client.connect().get(30, TimeUnit.SECONDS);
      List<String> connections = Management.connectionsOf(testStack.local(), user);
      assertEquals(1, connections.size());
      GetConnectionResponse before = management.getConnection(b -> b.connectionId(connections.get(0)));
      Instant deadline = Instant.now().plusSeconds(30);
      GetConnectionResponse after = before;
      while (!after.lastActiveAt().isAfter(before.lastActiveAt()) && Instant.now().isBefore(deadline)) {
        Thread.sleep(100); // waiting for the next ping, which only the server's record shows
        after = management.getConnection(b -> b.connectionId(connections.get(0)));
      }
      assertTrue(after.lastActiveAt().isAfter(before.lastActiveAt()), "pings count as activity");
      assertEquals(1, client.connectionCount(), "answered pings never look like a lost connection");
      assertTrue(client.isConnected());
    }
  }

  @Test
  void aBrowserStyleTokenInTheSubprotocolIsAcceptedAndStreamerIsSelected() throws Exception {
    String token = testStack.local().mintToken("browser-user", "dev-tenant", Duration.ofMinutes(5));
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("streamer", token)
        .buildAsync(URI.create(testStack.local().webSocketUri().toString()), new WebSocket.Listener() {})
        .get(30, TimeUnit.SECONDS);
    try {
      assertEquals("streamer", socket.getSubprotocol());
      assertEquals(1, Management.connectionsOf(testStack.local(), "browser-user").size());
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
    }
  }
}
