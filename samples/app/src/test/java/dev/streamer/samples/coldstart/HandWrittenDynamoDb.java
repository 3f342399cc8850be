package dev.streamer.samples.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DynamoDB calls of the hand-written handlers. The client as AWS advises for a fast cold start: the
 * url-connection HTTP client, the region from {@code AWS_REGION} and the credentials from the environment (no
 * look-up chains), and the endpoint override the harness points at DynamoDB Local.
 */
final class HandWrittenDynamoDb {

  private static final long CONNECTION_TTL_SECONDS = 24 * 3600;

  private HandWrittenDynamoDb() {}

  /** One PutItem of the connection item Streamer's {@code $connect} writes, expiring in 24 h. */
  static void putConnection(DynamoDbClient client, String table, APIGatewayV2WebSocketEvent event, String userId,
      String tenantId) {
    APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("connectionId", AttributeValue.fromS(request.getConnectionId()));
    item.put("userId", AttributeValue.fromS(userId));
    item.put("tenantId", AttributeValue.fromS(tenantId));
    item.put("endpoint", AttributeValue.fromS("https://" + request.getDomainName() + "/" + request.getStage()));
    item.put("connectedAt", AttributeValue.fromN(Long.toString(now)));
    item.put("lastPing", AttributeValue.fromN(Long.toString(now)));
    item.put("claims", AttributeValue.fromM(Map.of()));
    item.put("ttl", AttributeValue.fromN(Long.toString(now / 1000 + CONNECTION_TTL_SECONDS)));
    client.putItem(b -> b.tableName(table).item(item));
  }

  /** The bearer token of a {@code $connect} event, or null. */
  static String bearerToken(APIGatewayV2WebSocketEvent event) {
    String authorization = event.getHeaders() == null ? null : event.getHeaders().get("Authorization");
    return authorization == null || !authorization.startsWith("Bearer ") ? null
        : authorization.substring("Bearer ".length()).trim();
  }

  static DynamoDbClient client() {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .region(Region.of(System.getenv("AWS_REGION")))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    String endpoint = System.getenv("DYNAMODB_ENDPOINT");
    if (endpoint != null && !endpoint.isEmpty()) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }
}
