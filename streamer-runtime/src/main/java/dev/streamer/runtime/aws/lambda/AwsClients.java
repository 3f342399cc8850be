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
 * <p>Credentials: {@link EnvironmentVariableCredentialsProvider} first, which is all a Lambda needs and costs no
 * look-up; when those variables are absent (a developer machine, the local stack) the chain falls back to
 * {@link DefaultCredentialsProvider} (system properties, profile files, container and instance roles). The fallback
 * is only consulted when the environment has no credentials, so it adds nothing to a Lambda cold start.
 */
public final class AwsClients {

  private AwsClients() {}

  public static AwsCredentialsProvider credentials() {
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
