package dev.streamer.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.streamer.test.quotes.QuotesRouteTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A wrong configuration fails the test class with a message that says what to change, before any stack starts. The
 * fixture classes below are run by a nested launcher (they are not picked up by surefire: not named {@code *Test}).
 */
class StreamerExtensionConfigTest {

  @Test
  void anEnvironmentEntryWithoutEqualsSignIsRefused() {
    Throwable failure = runFailing(BadEnvironment.class);
    assertInstanceOf(ExtensionConfigurationException.class, failure);
    assertTrue(failure.getMessage().contains("NAME=value, not \"MAX_RETRIES\""), failure.getMessage());
  }

  @Test
  void theExtensionWithoutTheAnnotationSaysWhatIsMissing() {
    Throwable failure = runFailing(NoAnnotation.class);
    assertInstanceOf(ExtensionConfigurationException.class, failure);
    assertTrue(failure.getMessage().contains("without @StreamerTest"), failure.getMessage());
  }

  private static Throwable runFailing(Class<?> fixture) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
        .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
    assertEquals(1, failures.size(), "one failure, of the class: " + failures);
    return failures.get(0).getException();
  }

  @StreamerTest(value = QuotesRouteTable.class, environment = "MAX_RETRIES")
  static class BadEnvironment {
    @Test
    void never() {}
  }

  @ExtendWith(StreamerExtension.class)
  static class NoAnnotation {
    @Test
    void never() {}
  }
}
