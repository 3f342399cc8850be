package dev.streamer.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.streamer.local.dynamo.LocalDynamoDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stack closed inside a JVM leaves nothing behind: its ports can be bound again, none of its threads survive, and a
 * new stack starts on the same ports in the same JVM and serves.
 */
class LocalStackLifecycleTest {

  /** Names of the threads the stack starts itself (gateway pool, invocations, sweeper timer, poller, lanes). */
  private static final List<String> STACK_THREADS =
      List.of("local-gateway", "local-invoke", "local-sweeper", "local-stream-poller", "local-stream-lane");

  @Test
  void closeFreesThePortsAndThreadsAndAStackStartsAgainOnTheSamePorts() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    RecordingHandlers handlers = new RecordingHandlers();
    LocalStack first = start(handlers, 0, 0);
    int gatewayPort = first.webSocketUri().getPort();
    int dynamoDbPort = first.dynamoDbEndpoint().getPort();
    assertEchoes(first);
    first.close();

    assertBindable(gatewayPort);
    assertBindable(dynamoDbPort);
    assertEquals(List.of(), stackThreadsAlive(before), "threads of the closed stack still running");
    assertEquals(List.of(), nonDaemonThreadsAlive(before), "a closed stack lets the JVM exit");

    try (LocalStack second = start(handlers, gatewayPort, dynamoDbPort)) {
      assertEquals(gatewayPort, second.webSocketUri().getPort());
      assertEquals(dynamoDbPort, second.dynamoDbEndpoint().getPort());
      assertEchoes(second);
    }
    assertBindable(gatewayPort);
  }

  @Test
  void twoStacksRunSideBySideInOneJvm() throws Exception {
    RecordingHandlers handlers = new RecordingHandlers();
    try (LocalStack first = start(handlers, 0, 0); LocalStack second = start(handlers, 0, 0)) {
      assertNotEquals(first.webSocketUri(), second.webSocketUri());
      assertNotSame(first.runtime(), second.runtime());
      assertEquals(first.connectionsEndpoint(), first.runtime().config().websocketEndpoint());
      assertEquals(second.connectionsEndpoint(), second.runtime().config().websocketEndpoint());
      assertEchoes(first);
      assertEchoes(second);
    }
  }

  @Test
  void aStackRestartedAgainstAnExistingDynamoDbStartsReadingTheStreamAtLatest() throws Exception {
    try (LocalDynamoDb dynamoDb = LocalDynamoDb.startInMemory(0, Region.US_EAST_1)) {
      RecordingHandlers first = new RecordingHandlers();
      try (LocalStack stack = builder(first).dynamoDbEndpoint(dynamoDb.endpoint()).start()) {
        putPending(stack, "before-restart");
        assertEquals("before-restart", key(first.records.poll(30, TimeUnit.SECONDS)));
      }
      RecordingHandlers second = new RecordingHandlers();
      try (LocalStack stack = builder(second).dynamoDbEndpoint(dynamoDb.endpoint()).start()) {
        putPending(stack, "after-restart");
        assertEquals("after-restart", key(second.records.poll(30, TimeUnit.SECONDS)),
            "the record written before the restart is not replayed (StartingPosition LATEST)");
      }
    }
  }

  private static void putPending(LocalStack stack, String id) {
    stack.dynamoDb().putItem(b -> b.tableName(stack.tables().requests()).item(Map.of(
        "requestId", AttributeValue.fromS(id), "status", AttributeValue.fromS("PENDING"))));
  }

  private static String key(DynamodbEvent.DynamodbStreamRecord record) {
    assertNotNull(record, "no record reached the processor");
    return record.getDynamodb().getKeys().get("requestId").getS();
  }

  private static LocalStack.Builder builder(RecordingHandlers handlers) {
    return LocalStack.builder()
        .connect(handlers::connect)
        .message(handlers::message)
        .disconnect(handlers::disconnect)
        .processor(handlers::processor)
        .sweeper(handlers::sweeper)
        .banner(null);
  }

  private static LocalStack start(RecordingHandlers handlers, int port, int dynamoDbPort) {
    return LocalStack.builder()
        .connect(handlers::connect)
        .message(handlers::message)
        .disconnect(handlers::disconnect)
        .processor(handlers::processor)
        .sweeper(handlers::sweeper)
        .port(port)
        .dynamoDbPort(dynamoDbPort)
        .banner(null)
        .start();
  }

  private static void assertEchoes(LocalStack stack) throws Exception {
    TestSockets.Received received = new TestSockets.Received();
    WebSocket socket = TestSockets.open(URI.create(stack.webSocketUri() + "?token=good"), received)
        .get(30, TimeUnit.SECONDS);
    socket.sendText("hello", true).get(30, TimeUnit.SECONDS);
    assertEquals("echo:hello", received.next());
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);
  }

  /** Binding fails while anything still listens on the port (on any interface). */
  private static void assertBindable(int port) throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(port));
    }
  }

  private static List<String> nonDaemonThreadsAlive(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<String> alive = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
          .map(Thread::getName)
          .sorted()
          .collect(Collectors.toList());
      if (alive.isEmpty() || System.nanoTime() > deadline) {
        return alive;
      }
      Thread.sleep(50);
    }
  }

  private static List<String> stackThreadsAlive(Set<Thread> before) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      List<String> alive = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> !before.contains(t) && t.isAlive())
          .map(Thread::getName)
          .filter(name -> STACK_THREADS.stream().anyMatch(name::startsWith))
          .sorted()
          .collect(Collectors.toList());
      if (alive.isEmpty() || System.nanoTime() > deadline) {
        return alive;
      }
      Thread.sleep(50); // threads end shortly after their executor's termination returns
    }
  }
}
