package dev.streamer.samples.local;

import dev.streamer.local.LocalStack;
import dev.streamer.runtime.aws.tables.StreamerTables;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the sample's end-to-end tests read besides the client: the Management API and the connections table. */
final class Management {

  private Management() {}

  /** The Management API of {@code stack} as the SDK reaches it (what the generated handlers use too). */
  static ApiGatewayManagementApiClient client(LocalStack stack) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(stack.connectionsEndpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** The open connection ids of {@code user}, from the connections table (written by the generated $connect). */
  static List<String> connectionsOf(LocalStack stack, String user) {
    return stack.dynamoDb().query(b -> b.tableName(stack.tables().connections())
            .indexName(StreamerTables.USER_CONNECTIONS_INDEX)
            .keyConditionExpression("#u = :u")
            .expressionAttributeNames(Map.of("#u", StreamerTables.USER_ID))
            .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))))
        .items().stream()
        .map(item -> item.get(StreamerTables.CONNECTION_ID).s())
        .filter(id -> stack.connections().find(id).isPresent())
        .toList();
  }
}
