package dev.streamer.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClientException;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.core.protocol.StreamerError;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The assertions' outcomes and failure messages, on futures completed by hand. */
class StreamerAssertionsTest {

  private static CompletableFuture<String> failed(ErrorCode code, String message) {
    return CompletableFuture.failedFuture(new StreamerClientException(
        new StreamerError(code, message, Map.of("path", "sku"), null), "r-1"));
  }

  @Test
  void awaitResultReturnsTheDataOrFailsWithTheErrorCodeAndDetails() {
    assertEquals("{\"a\":1}", StreamerAssertions.awaitResult(CompletableFuture.completedFuture("{\"a\":1}")));
    AssertionError error = assertThrows(AssertionError.class,
        () -> StreamerAssertions.awaitResult(failed(ErrorCode.VALIDATION_ERROR, "sku: required")));
    assertTrue(error.getMessage().contains("VALIDATION_ERROR (sku: required, {path=sku})"), error.getMessage());
  }

  @Test
  void assertErrorReturnsTheFailureOfTheExpectedCodeOnly() {
    CompletableFuture<String> reply = failed(ErrorCode.NOT_FOUND, "request not found");
    StreamerClientException error = StreamerAssertions.assertError(ErrorCode.NOT_FOUND, reply);
    assertEquals("request not found", error.error().message());

    AssertionError wrongCode = assertThrows(AssertionError.class,
        () -> StreamerAssertions.assertError(ErrorCode.FORBIDDEN, reply));
    assertTrue(wrongCode.getMessage().contains("expected FORBIDDEN"), wrongCode.getMessage());
    assertTrue(wrongCode.getMessage().contains("NOT_FOUND"), wrongCode.getMessage());

    AssertionError succeeded = assertThrows(AssertionError.class,
        () -> StreamerAssertions.assertError(ErrorCode.FORBIDDEN, CompletableFuture.completedFuture("{}")));
    assertTrue(succeeded.getMessage().contains("got the result {}"), succeeded.getMessage());
  }

  @Test
  void anUnexpectedFailureIsKeptAsTheCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    AssertionError error = assertThrows(AssertionError.class,
        () -> StreamerAssertions.awaitResult(CompletableFuture.failedFuture(boom)));
    assertSame(boom, error.getCause());
  }
}
