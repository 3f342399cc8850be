package dev.streamer.test.readme;

import static dev.streamer.test.local.StreamerAssertions.assertError;
import static dev.streamer.test.local.StreamerAssertions.awaitResult;
import static dev.streamer.test.local.StreamerAssertions.progressOf;
import static dev.streamer.test.local.StreamerAssertions.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.client.StreamerClient;
import dev.streamer.core.protocol.ErrorCode;
import dev.streamer.test.local.Call;
import dev.streamer.test.local.StreamerTest;
import dev.streamer.test.local.TestStack;
import dev.streamer.test.quotes.Quotes;
import dev.streamer.test.quotes.QuotesRouteTable;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// tag::e2e[]
@StreamerTest(QuotesRouteTable.class)          // the generated route table: its manifest lists the handlers
class EndToEndExampleTest {

  @Test
  void quotesABatchWithProgress(StreamerClient client) {     // connected as TestStack.USER
    Call batch = send(client, "quote_batch", "{\"skus\":[\"A-1\",\"B-2\",\"C-3\"]}");
    assertTrue(awaitResult(batch).startsWith("{\"count\":3,"));
    assertFalse(progressOf(batch).isEmpty());
  }

  @Test
  void otherTenantsCannotSeeTheRequest(StreamerClient client, TestStack stack) {
    Call batch = send(client, "quote_batch", "{\"skus\":[\"A-1\"]}");
    String requestId = batch.awaitRequestId();
    StreamerClient bob = stack.connect("bob", "globex");     // a fresh token for another user and tenant
    assertError(ErrorCode.NOT_FOUND, send(bob, "status", "{\"requestId\":\"" + requestId + "\"}"));
  }
  // end::e2e[]

  // tag::clock[]
  @Test
  void aBusySupplierIsRetriedAfterItsDelay(StreamerClient client, TestStack stack) {
    Call order = send(client, "order_stock", "{\"sku\":\"readme-1\",\"quantity\":5}");
    String requestId = order.awaitRequestId();
    stack.awaitStored(requestId, r -> r.retryCount() == 1);  // first attempt failed: retry in 10 minutes
    stack.advance(Duration.ofMinutes(11));                  // the handlers' clock, not the test's
    stack.sweep();                                          // the scheduled sweeper, run now
    assertEquals("{\"sku\":\"readme-1\",\"quantity\":5,\"attempts\":2}", awaitResult(order));
  }
  // end::clock[]

  @Test
  void theFixtureDelayIsWhatTheClockExampleSkips() {
    assertEquals(Duration.ofMinutes(10), Quotes.SUPPLIER_BUSY_FOR);
  }
}
