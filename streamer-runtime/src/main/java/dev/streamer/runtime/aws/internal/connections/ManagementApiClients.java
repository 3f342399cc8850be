package dev.streamer.runtime.aws.internal.connections;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * One {@link ApiGatewayManagementApiClient} per endpoint ({@code https://{domainName}/{stage}}), built on first use
 * and kept. All share one url-connection HTTP client (the lightest to load on a cold start), the given region and
 * credentials provider, and have SDK retries switched off because {@link ConnectionManager} retries itself.
 */
public final class ManagementApiClients implements AutoCloseable {

  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Duration attemptTimeout;
  private final SdkHttpClient http;
  private final Map<String, ApiGatewayManagementApiClient> byEndpoint = new ConcurrentHashMap<>();

  public ManagementApiClients(Region region, AwsCredentialsProvider credentials, Duration attemptTimeout) {
    this.region = Objects.requireNonNull(region, "region");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    this.http = UrlConnectionHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(2))
        .socketTimeout(attemptTimeout)
        .build();
  }

  public ManagementApiClients(Region region, AwsCredentialsProvider credentials) {
    this(region, credentials, DEFAULT_ATTEMPT_TIMEOUT);
  }

  /** The client for {@code endpoint}, such as {@code https://abc123.execute-api.eu-west-1.amazonaws.com/prod}. */
  public ApiGatewayManagementApiClient forEndpoint(String endpoint) {
    return byEndpoint.computeIfAbsent(normalize(endpoint), this::build);
  }

  private ApiGatewayManagementApiClient build(String endpoint) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(region)
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(o -> o
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallAttemptTimeout(attemptTimeout))
        .build();
  }

  /** Without a trailing slash, so that {@code …/prod} and {@code …/prod/} share a client. */
  private static String normalize(String endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }

  @Override
  public void close() {
    byEndpoint.values().forEach(ApiGatewayManagementApiClient::close);
    byEndpoint.clear();
    http.close();
  }
}
