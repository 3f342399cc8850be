package dev.streamer.runtime.aws.internal.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceHeaderTest {

  @Test
  void rootIsTheTraceId() {
    assertEquals("1-5759e988-bd862e3fe1be46a994272793",
        TraceHeader.rootTraceId("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
    assertEquals("1-a-b", TraceHeader.rootTraceId("Parent=1; Root=1-a-b"));
    assertNull(TraceHeader.rootTraceId("Parent=1;Sampled=0"));
    assertNull(TraceHeader.rootTraceId("Root="));
    assertNull(TraceHeader.rootTraceId(null));
  }

  @Test
  void systemPropertyWinsOverTheProcessEnvironment() {
    String previous = System.getProperty(TraceHeader.SYSTEM_PROPERTY);
    try {
      System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
      assertEquals("Root=env", TraceHeader.current(Map.of(TraceHeader.ENV, "Root=env")));
      assertNull(TraceHeader.current(Map.of()));
      System.setProperty(TraceHeader.SYSTEM_PROPERTY, "Root=prop");
      assertEquals("Root=prop", TraceHeader.current(Map.of(TraceHeader.ENV, "Root=env")));
    } finally {
      if (previous == null) {
        System.clearProperty(TraceHeader.SYSTEM_PROPERTY);
      } else {
        System.setProperty(TraceHeader.SYSTEM_PROPERTY, previous);
      }
    }
  }
}
