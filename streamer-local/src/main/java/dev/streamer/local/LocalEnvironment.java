package dev.streamer.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes the local stack's configuration to the generated handlers. They read environment variables, which a JVM
 * cannot set for itself, so the stack sets JVM system properties of the same names, which the runtime's configuration
 * reads in preference to the environment ({@code StreamerConfig}); and the SDK's {@code aws.*} properties for
 * credentials and region. Previous values are restored by {@link #restore()}.
 */
final class LocalEnvironment {

  private final Map<String, String> previous = new LinkedHashMap<>();

  /** Sets every entry as a system property, remembering what was there before. */
  synchronized void publish(Map<String, String> properties) {
    properties.forEach((name, value) -> {
      if (!previous.containsKey(name)) {
        previous.put(name, System.getProperty(name));
      }
      System.setProperty(name, value);
    });
  }

  /** Puts back the values from before {@link #publish}. */
  synchronized void restore() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    previous.clear();
  }
}
