package dev.streamer.samples.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.endpoints.ApiGatewayManagementApiEndpointProvider;
import software.amazon.awssdk.services.dynamodb.endpoints.DynamoDbEndpointProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.endpoints.LambdaEndpointProvider;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Child-JVM main run on the pruned Lambda jar alone: what the pruner's analysis keeps must also run. Resolves each
 * service's endpoint with its generated provider for a region (the rules the pruned rule engine no longer backs; no
 * network), and makes an asynchronous {@code Invoke} through the pruned Lambda client against a loopback stand-in
 * for Lambda's API (marshaller, signer, response handler). Prints {@code ENDPOINT <service> <url>} and
 * {@code INVOKE <status> <path> <invocation type> <body>}.
 */
public final class PrunedSdkProbe {

  private PrunedSdkProbe() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ENDPOINT dynamodb " + DynamoDbEndpointProvider.defaultProvider()
        .resolveEndpoint(p -> p.region(Region.EU_WEST_1)).join().url());
    System.out.println("ENDPOINT lambda " + LambdaEndpointProvider.defaultProvider()
        .resolveEndpoint(p -> p.region(Region.EU_WEST_1)).join().url());
    System.out.println("ENDPOINT apigatewaymanagementapi " + ApiGatewayManagementApiEndpointProvider.defaultProvider()
        .resolveEndpoint(p -> p.region(Region.EU_WEST_1)
            .endpoint("https://abc123.execute-api.eu-west-1.amazonaws.com/prod")).join().url());

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StringBuilder seen = new StringBuilder();
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        seen.append(exchange.getRequestURI().getRawPath()).append(' ')
            .append(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type")).append(' ')
            .append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.start();
    try (LambdaClient lambda = LambdaClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("probe", "probe")))
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build()) {
      InvokeResponse response = lambda.invoke(b -> b.functionName("app-worker").qualifier("live")
          .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"requestId\":\"r-1\"}")));
      System.out.println("INVOKE " + response.statusCode() + " " + seen);
    } finally {
      server.stop(0);
    }
  }
}
