package dev.streamer.samples.coldstart;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client of the hand-written handlers, as AWS advises for a fast cold start: the url-connection HTTP
 * client, the region from {@code AWS_REGION} and the credentials from the environment (no look-up chains), and the
 * endpoint override the harness points at DynamoDB Local.
 */
final class HandWrittenDynamoDb {

  private HandWrittenDynamoDb() {}

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
