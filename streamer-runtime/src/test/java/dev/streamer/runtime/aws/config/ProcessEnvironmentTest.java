package dev.streamer.runtime.aws.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessEnvironmentTest {

  @AfterEach
  void clear() {
    System.clearProperty("REQUESTS_TABLE");
    System.clearProperty("streamer.lowercase");
  }

  @Test
  void upperCaseSystemPropertiesOverlayTheEnvironment() {
    System.setProperty("REQUESTS_TABLE", "from-property");
    System.setProperty("streamer.lowercase", "ignored");
    Map<String, String> env = StreamerConfig.processEnvironment();
    assertEquals("from-property", env.get("REQUESTS_TABLE"));
    assertEquals("from-property", StreamerConfig.fromEnvironment(env).tables().requests());
    assertFalse(env.containsKey("streamer.lowercase"));
    System.getenv().forEach((name, value) -> {
      if (!name.equals("REQUESTS_TABLE")) {
        assertEquals(value, env.get(name), name);
      }
    });
  }
}
