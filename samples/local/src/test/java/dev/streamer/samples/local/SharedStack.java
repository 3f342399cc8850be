package dev.streamer.samples.local;

import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.tables.StreamerTables;
import dev.streamer.client.StreamerClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local stack the test classes share, running the sample's generated handlers (starting one takes seconds;
 * {@link TwoStacksTest} starts a second beside it). Started on first use, stopped when the JVM exits.
 */
final class SharedStack {

  private static LocalStack stack;

  /** {@code RATE_LIMITS} of the shared stack: limits for dedicated tenants, so that other tests are not limited. */
  static final String RATE_LIMITS = "burst-tenant/echo.user=5/1m, retry-tenant/echo.user=2/2s,"
      + " js-limited/echo.user=2/2s";

  private SharedStack() {}

  static synchronized LocalStack get() {
    if (stack == null) {
      stack = SampleStack.builder()
          .banner(null)
          // short leases and sweeps so that crash recovery is tested in seconds (CrashRecoveryTest); rate limits
          // for the tenants of RateLimitTest and the JavaScript client's test only
          .environment(Map.of("LOG_LEVEL", "WARN", "SERVICE_NAME", "sample-test", "LEASE_DURATION", "3s",
              "RATE_LIMITS", RATE_LIMITS))
          .sweepInterval(Duration.ofSeconds(1))
          .start();
      LocalStack started = stack;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-stack-stop"));
    }
    return stack;
  }

  /** A client of the shared stack for {@code user} in {@code tenant}; connect it yourself. */
  static StreamerClient.Builder client(String user, String tenant) {
    return StreamerClient.builder(get().webSocketUri())
        .token(get().mintToken(user, tenant, Duration.ofHours(1)))
        .requestTimeout(Duration.ofSeconds(90));
  }

  /** The Management API as the SDK reaches it (what the generated handlers use too). */
  static ApiGatewayManagementApiClient management() {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(get().connectionsEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** The open connection ids of {@code user}, from the connections table (written by the generated $connect). */
  static List<String> connectionsOf(String user) {
    return get().dynamoDb().query(b -> b.tableName(get().tables().connections())
            .indexName(StreamerTables.USER_CONNECTIONS_INDEX)
            .keyConditionExpression("#u = :u")
            .expressionAttributeNames(Map.of("#u", StreamerTables.USER_ID))
            .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
        .items().stream()
        .map(item -> item.get(StreamerTables.CONNECTION_ID).s())
        .filter(id -> get().connections().find(id).isPresent())
        .toList();
  }
}
