package dev.streamer.runtime.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamerConfigTest {

  @Test
  void defaultsOfAnEmptyEnvironment() {
    StreamerConfig c = StreamerConfig.fromEnvironment(Map.of());
    assertEquals("streamer-requests", c.tables().requests());
    assertEquals("streamer-connections", c.tables().connections());
    assertEquals("us-east-1", c.region());
    assertNull(c.dynamoDbEndpoint());
    assertNull(c.websocketEndpoint());
    assertNull(c.asyncThreshold());
    assertEquals(3, c.maxRetries());
    assertEquals(Duration.ofSeconds(5), c.retryDelay());
    assertEquals(Duration.ofSeconds(1), c.timeoutBuffer());
    assertEquals(Duration.ofDays(7), c.requestTtl());
    assertEquals(Duration.ofHours(24), c.connectionTtl());
    assertEquals(Duration.ofMillis(200), c.progressInterval());
  }

  @Test
  void readsEveryVariable() {
    StreamerConfig c = StreamerConfig.fromEnvironment(Map.ofEntries(
        Map.entry("REQUESTS_TABLE", "r"), Map.entry("CONNECTIONS_TABLE", "c"), Map.entry("AWS_REGION", "eu-west-1"),
        Map.entry("DYNAMODB_ENDPOINT", "http://localhost:8000"),
        Map.entry("WEBSOCKET_ENDPOINT", "https://abc.execute-api.eu-west-1.amazonaws.com/prod"),
        Map.entry("STREAMER_ASYNC_THRESHOLD", "2s"), Map.entry("MAX_RETRIES", "5"), Map.entry("RETRY_DELAY", "1s"),
        Map.entry("RETRY_MAX_DELAY", "1m"), Map.entry("LAMBDA_TIMEOUT_BUFFER", "1500ms"),
        Map.entry("REQUEST_TTL", "1d"), Map.entry("CONNECTION_TTL", "3h"), Map.entry("PROGRESS_INTERVAL", "PT0.5S"),
        Map.entry("STALE_PENDING_AFTER", "5m"), Map.entry("SWEEP_LIMIT", "50")));
    assertEquals("r", c.tables().requests());
    assertEquals("eu-west-1", c.region());
    assertEquals(URI.create("http://localhost:8000"), c.dynamoDbEndpoint());
    assertEquals(Duration.ofSeconds(2), c.asyncThreshold());
    assertEquals(5, c.maxRetries());
    assertEquals(Duration.ofMillis(1500), c.processorSettings().timeoutBuffer());
    assertEquals(Duration.ofMillis(500), c.progressInterval());
    assertEquals(50, c.processorSettings().sweepLimit());
  }

  @Test
  void badValuesNameTheVariable() {
    assertMessage("MAX_RETRIES", Map.of("MAX_RETRIES", "three"));
    assertMessage("MAX_RETRIES", Map.of("MAX_RETRIES", "-1"));
    assertMessage("RETRY_DELAY", Map.of("RETRY_DELAY", "5"));
    assertMessage("DYNAMODB_ENDPOINT", Map.of("DYNAMODB_ENDPOINT", "localhost:8000"));
    assertMessage("RETRY_MAX_DELAY", Map.of("RETRY_DELAY", "1h", "RETRY_MAX_DELAY", "1m"));
    // a connection item that expired before API Gateway closes the connection would refuse its messages
    assertMessage("CONNECTION_TTL", Map.of("CONNECTION_TTL", "2h"));
    assertEquals(Duration.ofMinutes(121), StreamerConfig.fromEnvironment(Map.of("CONNECTION_TTL", "PT2H1M"))
        .connectionTtl());
  }

  private static void assertMessage(String variable, Map<String, String> env) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StreamerConfig.fromEnvironment(env));
    assertTrue(e.getMessage().contains(variable), e.getMessage());
  }
}
