package dev.streamer.local.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogCaptureTest {

  @Test
  void keepsJsonLinesWrittenInPiecesAndPassesEverythingThrough() {
    PrintStream before = System.out;
    LogCapture capture = new LogCapture();
    capture.install();
    try {
      System.out.print("{\"level\":\"INFO\",");
      System.out.print("\"message\":\"in pieces\"}\n");
      System.out.println("not json");
      System.out.println("{\"level\":\"WARN\",\"message\":\"second\"}");
    } finally {
      capture.uninstall();
    }
    assertSame(before, System.out, "standard output restored");
    List<LogCapture.Line> lines = capture.after(0);
    assertEquals(List.of("{\"level\":\"INFO\",\"message\":\"in pieces\"}", "{\"level\":\"WARN\",\"message\":\"second\"}"),
        lines.stream().map(LogCapture.Line::text).toList());
    assertEquals(List.of(lines.get(1)), capture.after(lines.get(0).seq()));
  }

  @Test
  void keepsTheNewestLinesOnly() {
    LogCapture capture = new LogCapture();
    for (int i = 1; i <= LogCapture.CAPACITY + 5; i++) {
      capture.add("{\"n\":" + i + "}");
    }
    List<LogCapture.Line> lines = capture.after(0);
    assertEquals(LogCapture.CAPACITY, lines.size());
    assertEquals(6, lines.get(0).seq());
    assertEquals("{\"n\":" + (LogCapture.CAPACITY + 5) + "}", lines.get(lines.size() - 1).text());
  }

  @Test
  void hostNamesWithoutPorts() {
    assertEquals("localhost", ConsoleHandler.hostName("localhost:8080"));
    assertEquals("localhost", ConsoleHandler.hostName("localhost"));
    assertEquals("[::1]", ConsoleHandler.hostName("[::1]:8080"));
    assertEquals("[::1]", ConsoleHandler.hostName("[::1]"));
    assertEquals("", ConsoleHandler.hostName(null));
  }
}
