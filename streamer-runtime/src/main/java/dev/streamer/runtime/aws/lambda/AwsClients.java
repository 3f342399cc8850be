package dev.streamer.runtime.aws.lambda;

import dev.streamer.runtime.aws.config.StreamerConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import java.net.URI;

/**
 * The SDK clients of a Lambda environment, built once and configured explicitly for a fast cold start: region from
 * configuration (no region lookup chain), the url-connection HTTP client (the lightest), and credentials from the
 * environment variables Lambda sets.
 *
 * <p>Credentials: {@link EnvironmentVariableCredentialsProvider} alone when those variables are set (an on-demand
 * Lambda), which costs no look-up; otherwise (SnapStart, which serves container credentials; a developer machine, the
 * local stack) a chain of it and {@link DefaultCredentialsProvider} (system properties, profile files, container and
 * instance roles).
 */
public final class AwsClients {

  private AwsClients() {}

  public static AwsCredentialsProvider credentials() {
    if (System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_SECRET_ACCESS_KEY") != null) {
      return EnvironmentVariableCredentialsProvider.create(); // an on-demand Lambda: no chain to build
    }
    return AwsCredentialsProviderChain.builder()
        .reuseLastProviderEnabled(true)
        .credentialsProviders(EnvironmentVariableCredentialsProvider.create(), DefaultCredentialsProvider.builder().build())
        .build();
  }

  public static Region region(StreamerConfig config) {
    return Region.of(config.region());
  }

  /** DynamoDB client for {@code config}, with its endpoint override (DynamoDB Local) when set. */
  public static DynamoDbClient dynamoDb(StreamerConfig config, AwsCredentialsProvider credentials) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder()
        .region(region(config))
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (config.dynamoDbEndpoint() != null) {
      builder.endpointOverride(config.dynamoDbEndpoint());
    }
    return builder.build();
  }

  /**
   * Lambda client for {@code config}: what the stream processor invokes the worker function with; {@code endpoint}
   * overrides Lambda's ({@code LAMBDA_ENDPOINT}, tests), or null.
   */
  public static LambdaClient lambda(StreamerConfig config, AwsCredentialsProvider credentials, URI endpoint) {
    LambdaClientBuilder builder = LambdaClient.builder()
        .region(region(config))
        .credentialsProvider(credentials)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }
}
