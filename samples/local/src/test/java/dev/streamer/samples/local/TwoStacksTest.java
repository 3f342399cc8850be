package dev.streamer.samples.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClient;
import dev.streamer.client.StreamerClientException;
import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.runtime.aws.tables.TableNames;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated handlers take their runtime from the stack that creates them, not from the JVM: a second stack with
 * its own tables and JWT secret runs beside the shared one, and each serves sync and async requests from its own
 * configuration.
 */
class TwoStacksTest {

  private static final String SECOND_SECRET = "a-second-stack-secret-of-at-least-32-bytes";

  @Test
  void aSecondStackRunsBesideTheSharedOneWithItsOwnConfiguration() throws Exception {
    LocalStack first = SharedStack.get();
    try (LocalStack second = SampleStack.builder()
        .banner(null)
        .dynamoDbEndpoint(first.dynamoDbEndpoint()) // same DynamoDB Local, other tables
        .tables(new TableNames("second-requests", "second-connections"))
        .jwtSecret(SECOND_SECRET)
        .environment(Map.of("LOG_LEVEL", "WARN"))
        .start()) {
      assertNotEquals(first.webSocketUri(), second.webSocketUri());
      assertEquals("second-requests", second.runtime().config().tables().requests());
      assertEquals(first.tables(), first.runtime().config().tables());

      try (StreamerClient one = client(first, "alice"); StreamerClient two = client(second, "bob")) {
        assertEquals("from one", Frames.fields(one.request("echo", "{\"message\":\"from one\"}")
            .get(30, TimeUnit.SECONDS)).get("message"));
        assertEquals("from two", Frames.fields(two.request("echo", "{\"message\":\"from two\"}")
            .get(30, TimeUnit.SECONDS)).get("message"));
        // async: queued in the second stack's requests table, run by its processor, delivered by its gateway
        String report = two.request("generate_report",
            "{\"startDate\":\"2024-01-01\",\"endDate\":\"2024-01-31\",\"recordCount\":10}").get(90, TimeUnit.SECONDS);
        assertTrue(report.contains("\"recordCount\":10"), report);
        assertTrue(connected(second, "second-connections", "bob"), "bob is in the second stack's table");
        assertTrue(!connected(first, first.tables().connections(), "bob"), "and not in the first's");
      }

      // each stack verifies tokens with its own secret
      try (StreamerClient wrongStack = StreamerClient.builder(second.webSocketUri())
          .token(first.mintToken("carol", "dev-tenant", Duration.ofMinutes(5))).build()) {
        ExecutionException refused = assertThrows(ExecutionException.class,
            () -> wrongStack.connect().get(30, TimeUnit.SECONDS));
        assertInstanceOf(StreamerClientException.class, refused.getCause());
      }
    }
  }

  private static StreamerClient client(LocalStack stack, String user) throws Exception {
    StreamerClient client = StreamerClient.builder(stack.webSocketUri())
        .token(stack.mintToken(user, "dev-tenant", Duration.ofHours(1)))
        .requestTimeout(Duration.ofSeconds(90))
        .build();
    client.connect().get(30, TimeUnit.SECONDS);
    return client;
  }

  private static boolean connected(LocalStack stack, String table, String user) {
    return !stack.dynamoDb().query(b -> b.tableName(table)
            .indexName(StreamerTables.USER_CONNECTIONS_INDEX)
            .keyConditionExpression("#u = :u")
            .expressionAttributeNames(Map.of("#u", StreamerTables.USER_ID))
            .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
        .items().isEmpty();
  }
}
