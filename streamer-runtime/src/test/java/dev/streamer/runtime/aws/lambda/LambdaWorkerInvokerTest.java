package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.streamer.runtime.aws.config.StreamerConfig;
import dev.streamer.runtime.aws.internal.processor.LambdaWorkerInvoker;
import dev.streamer.runtime.aws.internal.processor.WorkerInvoker;
import dev.streamer.runtime.aws.internal.processor.WorkerJob;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The processor's hand-over to the worker through the SDK's {@code Invoke}, against a loopback stand-in for Lambda's
 * API (real HTTP): an asynchronous invocation ({@code X-Amz-Invocation-Type: Event}) of the configured function with
 * the small payload; a throttled or failing invocation becomes a {@link WorkerInvoker.WorkerInvocationException},
 * which makes the processor report the record for redelivery.
 */
class LambdaWorkerInvokerTest {

  private static final String FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:app-worker:live";
  private HttpServer server;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger status = new AtomicInteger(202);
  private LambdaClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/2015-03-31/functions/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
            + exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type") + " "
            + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      int code = status.get();
      if (code == 429) {
        byte[] body = "{\"message\":\"Rate exceeded\",\"Type\":\"User\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("x-amzn-ErrorType", "TooManyRequestsException");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(429, body.length);
        exchange.getResponseBody().write(body);
      } else {
        exchange.sendResponseHeaders(code, -1);
      }
      exchange.close();
    });
    server.start();
    client = AwsClients.lambda(StreamerConfig.defaults(),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void invokesTheWorkerAsynchronouslyWithTheRequestAndAttempt() {
    new LambdaWorkerInvoker(() -> client, FUNCTION).invoke(new WorkerJob("r-1", 2));
    assertEquals(1, seen.size(), seen.toString());
    String call = seen.get(0);
    assertTrue(call.startsWith("POST /2015-03-31/functions/"), call);
    assertTrue(call.contains("app-worker"), call);
    assertTrue(call.endsWith("/invocations Event {\"requestId\":\"r-1\",\"attempt\":2}"), call);
  }

  @Test
  void aThrottledInvocationIsRefused() {
    status.set(429);
    WorkerInvoker invoker = new LambdaWorkerInvoker(() -> client, FUNCTION);
    WorkerInvoker.WorkerInvocationException refused = assertThrows(WorkerInvoker.WorkerInvocationException.class,
        () -> invoker.invoke(new WorkerJob("r-1", 0)));
    assertTrue(String.valueOf(refused.getCause()).contains("TooManyRequests"), String.valueOf(refused.getCause()));
    assertTrue(seen.size() >= 1, "tried, with the SDK's own retries: " + seen.size());
  }

  @Test
  void anInvocationThatIsNotAcceptedAsynchronouslyIsRefused() {
    status.set(200); // a synchronous answer: not what InvocationType.EVENT gets
    assertThrows(WorkerInvoker.WorkerInvocationException.class,
        () -> new LambdaWorkerInvoker(() -> client, FUNCTION).invoke(new WorkerJob("r-1", 0)));
  }

  @Test
  void theClientIsBuiltOnTheFirstInvocationOnly() {
    AtomicInteger built = new AtomicInteger();
    new LambdaWorkerInvoker(() -> {
      built.incrementAndGet();
      return client;
    }, FUNCTION);
    assertEquals(0, built.get(), "a processor that never dispatches builds no Lambda client");
  }
}
