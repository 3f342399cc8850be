package dev.streamer.test.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamer.core.RequestContext;
import dev.streamer.test.quotes.BatchQuote;
import dev.streamer.test.quotes.BatchRequest;
import dev.streamer.test.quotes.PriceRequest;
import dev.streamer.test.quotes.Quotes;
import dev.streamer.test.unit.RecordingProgress;
import dev.streamer.test.unit.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README "Testing your actions", unit level: the action method called directly. */
class UnitLevelExampleTest {

  // tag::unit[]
  @Test
  void quoteBatchReportsProgressPerSku() throws Exception {
    RecordingProgress progress = new RecordingProgress();
    BatchQuote quote = new Quotes().quoteBatch(new BatchRequest(List.of("A-1", "B-2")), progress);
    assertEquals(2, quote.count());
    assertEquals(List.of(0.5, 1.0), progress.fractions());
    assertEquals("priced B-2", progress.last().message());
  }

  @Test
  void quotePriceIsForTheCaller() {
    RequestContext alice = TestContext.builder().userId("alice").tenantId("acme").build();
    assertEquals("alice", new Quotes().quotePrice(new PriceRequest("A-1", 3), alice).quotedFor());
  }
  // end::unit[]
}
