package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.core.RequestContext;
import dev.streamer.test.unit.RecordingProgress;
import dev.streamer.test.unit.TestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit level: the action methods called directly, with the test kit's Progress and RequestContext. */
class ActionsTest {

  private final Actions actions = new Actions();

  @Test
  void greetsTheCaller() {
    RequestContext alice = TestContext.builder().userId("alice").tenantId("acme").build();
    assertEquals(new Greeting("Hello, Ada!", "alice"), actions.greet(new GreetRequest("Ada"), alice));
  }

  @Test
  void countsPrimesAndReportsProgressUpToTheEnd() {
    RecordingProgress progress = new RecordingProgress();
    assertEquals(new PrimeCount(1000, 168), actions.countPrimes(new PrimesRequest(1000), progress));

    List<Double> fractions = progress.fractions();
    assertEquals(100, fractions.size());
    for (int i = 1; i < fractions.size(); i++) {
      assertTrue(fractions.get(i) > fractions.get(i - 1), "moves forward: " + fractions);
    }
    assertEquals(1.0, progress.last().fraction());
    assertEquals("checked 1000 of 1000", progress.last().message());
  }

  @Test
  void stopsEarlyWhenCancelled() {
    RecordingProgress progress = new RecordingProgress();
    progress.cancel();
    PrimeCount partial = actions.countPrimes(new PrimesRequest(1000), progress);
    assertEquals(new PrimeCount(10, 4), partial);
    assertTrue(progress.isEmpty());
  }
}
