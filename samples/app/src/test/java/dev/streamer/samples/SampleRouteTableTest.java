package dev.streamer.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamer.core.routing.Route;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The generated table builds a route, and its handler, on first use, each once. */
class SampleRouteTableTest {

  /** Records every handler-factory call. */
  private static class CountingHandlers implements SampleHandlers {
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public Echo echo() {
      calls.add("echo");
      return new Echo();
    }

    @Override
    public Announcements announcements() {
      calls.add("announcements");
      return new Announcements();
    }

    @Override
    public DataProcessing dataProcessing() {
      calls.add("dataProcessing");
      return new DataProcessing();
    }

    @Override
    public Reports reports() {
      calls.add("reports");
      return new Reports(ReportStorage.bucket("test"), Clock.systemUTC(), 0);
    }
  }

  @Test
  void aRouteAndItsHandlerAreBuiltOnFirstUseOnly() {
    CountingHandlers handlers = new CountingHandlers();
    SampleRouteTable table = SampleRouteTable.create(handlers);
    assertEquals(List.of(), handlers.calls, "creating the table builds nothing");

    Route<?, ?> echo = table.find("echo");
    assertEquals("echo", echo.action());
    assertSame(echo, table.find("echo"));
    assertEquals(List.of("echo"), handlers.calls);

    table.find("announce");
    table.find("direct_message"); // the same handler instance as announce
    assertEquals(List.of("echo", "announcements"), handlers.calls);
    assertNull(table.find("nope"));

    assertEquals(List.of("announce", "direct_message", "echo", "export_records", "generate_report", "process_data"),
        table.routes().stream().map(Route::action).toList());
    assertEquals(List.of("announcements", "dataProcessing", "echo", "reports"),
        handlers.calls.stream().sorted().toList(), "every factory method called once");
  }

  @Test
  void concurrentFirstUsesBuildOneRoute() throws Exception {
    CountingHandlers handlers = new CountingHandlers();
    SampleRouteTable table = SampleRouteTable.create(handlers);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Route<?, ?>>> found = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        found.add(pool.submit(() -> {
          start.await();
          return table.find("process_data");
        }));
      }
      start.countDown();
      Route<?, ?> first = found.get(0).get();
      for (Future<Route<?, ?>> route : found) {
        assertSame(first, route.get());
      }
      assertEquals(List.of("dataProcessing"), handlers.calls);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFactoryReturningNullFailsWhenItsRouteIsFirstUsed() {
    SampleRouteTable table = SampleRouteTable.create(new CountingHandlers() {
      @Override
      public Reports reports() {
        return null;
      }
    });
    assertEquals("echo", table.find("echo").action());
    NullPointerException missing = assertThrows(NullPointerException.class, () -> table.find("generate_report"));
    assertEquals("SampleHandlers.reports() returned null", missing.getMessage());
  }
}
