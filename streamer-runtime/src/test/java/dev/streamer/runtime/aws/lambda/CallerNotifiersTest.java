package dev.streamer.runtime.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamer.core.Notifier;
import dev.streamer.core.routing.Caller;
import dev.streamer.core.routing.RouteTables;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two roles of {@link CallerNotifiers}; FunctionNotifiersTest sends events through a caller's one. */
class CallerNotifiersTest {

  record Notice(String text) {}

  private final CallerNotifiers function = new CallerNotifiers(RouteTables.of("test"),
      AwsRuntime.builder(Map.of("REQUESTS_TABLE", "r", "CONNECTIONS_TABLE", "c")).build());

  @Test
  void theFunctionsInstanceMakesACallersNotifierAndSendsNothingItself() {
    Caller alice = new Caller("c-1", "alice", "acme", Map.of(), null);
    Notifier first = function.apply(alice);
    assertNotSame(first, function.apply(alice), "one per request");
    assertNotSame(function, first);
    assertThrows(IllegalStateException.class, () -> function.toCaller(new Notice("x")));
    assertThrows(IllegalStateException.class, () -> function.toTenant(new Notice("x")));
    assertThrows(NullPointerException.class, () -> function.apply(null));
  }
}
