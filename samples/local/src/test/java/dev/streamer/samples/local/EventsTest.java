package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamer.client.StreamerClient;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.samples.AnnounceRequest;
import dev.streamer.samples.AnnounceRequestJson;
import dev.streamer.samples.AnnounceResult;
import dev.streamer.samples.AnnounceResultJson;
import dev.streamer.samples.Announcement;
import dev.streamer.samples.DirectMessage;
import dev.streamer.samples.DirectMessageJson;
import dev.streamer.samples.SampleEvents;
import dev.streamer.samples.SampleRouteTable;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Server events end to end on the local stack: real WebSockets, the generated handlers, DynamoDB Local, and the
 * events delivered through the gateway's {@code @connections} endpoint. Two users in T1 (alice on two connections,
 * bob on one) and one in T2 (carol); tenant names are unique per test run.
 */
@StreamerTest(SampleRouteTable.class)
class EventsTest {

  private static TestStack testStack;

  @BeforeAll
  static void useStack(TestStack stack) {
    testStack = stack;
  }

  private final String t1 = "events-t1-" + UUID.randomUUID();
  private final String t2 = "events-t2-" + UUID.randomUUID();
  private final List<StreamerClient> clients = new ArrayList<>();
  private Listener alice1;
  private Listener alice2;
  private Listener bob;
  private Listener carol;

  /** A connected client and the announcements it received. */
  private record Listener(StreamerClient client, BlockingQueue<Announcement> received) {}

  @BeforeEach
  void connect() throws Exception {
    alice1 = listener("alice", t1);
    alice2 = listener("alice", t1);
    bob = listener("bob", t1);
    carol = listener("carol", t2);
    awaitTenantIndex(t1, 3);
    awaitTenantIndex(t2, 1);
  }

  @AfterEach
  void close() {
    clients.forEach(StreamerClient::close);
  }

  @Test
  void anAnnouncementReachesEveryConnectionOfTheTenantAndNoOther() throws Exception {
    AnnounceResult result = announce(alice1, "hello T1");
    assertEquals(new AnnounceResult(3, 0, 0), result);
    Announcement expected = new Announcement("hello T1", "alice");
    for (Listener l : List.of(alice1, alice2, bob)) {
      assertEquals(expected, l.received().poll(30, TimeUnit.SECONDS));
    }
    // carol's own announcement arrives after anything T1's could have sent her: it must be the only one
    assertEquals(new AnnounceResult(1, 0, 0), announce(carol, "hello T2"));
    assertEquals(new Announcement("hello T2", "carol"), carol.received().poll(30, TimeUnit.SECONDS));
    assertEquals(List.of(), List.copyOf(carol.received()));
    assertEquals(List.of(), List.copyOf(bob.received()), "T2's announcement never reaches T1");
  }

  @Test
  void aQueuedActionReachesAUserOfItsTenantOnAllDevicesButNeverAUserOfAnother() throws Exception {
    assertEquals(new AnnounceResult(0, 0, 0), directMessage(bob, "carol", "to T2"), "carol is in T2");
    assertEquals(new AnnounceResult(2, 0, 0), directMessage(bob, "alice", "to alice"));
    Announcement expected = new Announcement("to alice", "bob");
    assertEquals(expected, alice1.received().poll(30, TimeUnit.SECONDS));
    assertEquals(expected, alice2.received().poll(30, TimeUnit.SECONDS));

    assertEquals(new AnnounceResult(1, 0, 0), directMessage(carol, "carol", "note to self"));
    assertEquals(new Announcement("note to self", "carol"), carol.received().poll(30, TimeUnit.SECONDS));
    assertEquals(List.of(), List.copyOf(carol.received()), "bob's message to carol was never sent");
    assertEquals(List.of(), List.copyOf(bob.received()));
  }

  private Listener listener(String user, String tenant) throws Exception {
    StreamerClient client = testStack.client(user, tenant).build();
    clients.add(client);
    BlockingQueue<Announcement> received = new LinkedBlockingQueue<>();
    client.onEvent(SampleEvents.ANNOUNCEMENT, received::add);
    client.connect().get(30, TimeUnit.SECONDS);
    return new Listener(client, received);
  }

  private static AnnounceResult announce(Listener from, String text) throws Exception {
    return from.client().request("announce", new AnnounceRequest(text), AnnounceRequestJson.WRITER,
        AnnounceResultJson.READER, null).get(30, TimeUnit.SECONDS);
  }

  private static AnnounceResult directMessage(Listener from, String user, String text) throws Exception {
    return from.client().request("direct_message", new DirectMessage(user, text), DirectMessageJson.WRITER,
        AnnounceResultJson.READER, null).get(60, TimeUnit.SECONDS);
  }

  /** Broadcasts read the tenant index, which is eventually consistent: start once it shows every connection. */
  private static void awaitTenantIndex(String tenant, int connections) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    int found = -1;
    while (Instant.now().isBefore(deadline)) {
      found = testStack.local().dynamoDb().query(b -> b.tableName(testStack.local().tables().connections())
          .indexName(StreamerTables.TENANT_CONNECTIONS_INDEX)
          .keyConditionExpression("#t = :t")
          .expressionAttributeNames(Map.of("#t", StreamerTables.TENANT_ID))
          .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenant)))).count();
      if (found == connections) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("tenant " + tenant + " shows " + found + " connections, not " + connections);
  }
}
