package dev.streamer.test.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamer.local.LocalStack;
import dev.streamer.test.quotes.QuotesRouteTable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A wrong configuration fails the test class with a message that says what to change, before any stack starts; test
 * classes share a stack only when their settings agree. The fixture classes below are run by a nested launcher (they
 * are not picked up by surefire: not named {@code *Test}).
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

  @Test
  void classesOfOneAppShareAStackPerEnvironmentAndOthersGetTheirOwn() {
    SEEN.clear();
    List<TestExecutionSummary.Failure> failures = run(DefaultSettings.class, SameSettings.class, OneRetry.class);
    assertEquals(List.of(), failures);
    assertSame(SEEN.get("default"), SEEN.get("same"), "same settings, same stack");
    assertNotSame(SEEN.get("default"), SEEN.get("one-retry"), "other settings, another stack");
    assertEquals("1", SEEN.get("one-retry").runtime().environment().get("MAX_RETRIES"));
    assertNull(SEEN.get("default").runtime().environment().get("MAX_RETRIES"));
  }

  private static Throwable runFailing(Class<?> fixture) {
    List<TestExecutionSummary.Failure> failures = run(fixture);
    assertEquals(1, failures.size(), "one failure, of the class: " + failures);
    return failures.get(0).getException();
  }

  private static List<TestExecutionSummary.Failure> run(Class<?>... fixtures) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(Arrays.stream(fixtures).map(DiscoverySelectors::selectClass).toList())
        .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary().getFailures();
  }

  /** The stack each fixture class below ran on, by fixture. */
  private static final Map<String, LocalStack> SEEN = new ConcurrentHashMap<>();

  @StreamerTest(QuotesRouteTable.class)
  static class DefaultSettings {
    @Test
    void record(TestStack stack) {
      SEEN.put("default", stack.local());
    }
  }

  @StreamerTest(QuotesRouteTable.class)
  static class SameSettings {
    @Test
    void record(TestStack stack) {
      SEEN.put("same", stack.local());
    }
  }

  @StreamerTest(value = QuotesRouteTable.class, environment = "MAX_RETRIES=1")
  static class OneRetry {
    @Test
    void record(TestStack stack) {
      SEEN.put("one-retry", stack.local());
    }
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
