package dev.streamer.local.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the last JSON log lines the handlers write to standard output (where {@code JsonLog} writes on Lambda), for
 * the console: installs a tee on {@code System.out} that still writes everything through, and remembers each line
 * that starts with <code>{</code>. One stack per JVM, so one capture; {@link #uninstall()} puts the old stream back.
 */
public final class LogCapture {

  /** How many lines are kept. */
  public static final int CAPACITY = 1000;
  /** Longer lines are not kept (they still go to standard output). */
  static final int MAX_LINE_BYTES = 64 * 1024;

  /** One captured line and its sequence number (1, 2, …). */
  public record Line(long seq, String text) {}

  private final Deque<Line> lines = new ArrayDeque<>();
  private long seq;
  private PrintStream original;

  /** Replaces {@code System.out} with a tee; idempotent. */
  public synchronized void install() {
    if (original != null) {
      return;
    }
    original = System.out;
    System.setOut(new PrintStream(new Tee(original), true, StandardCharsets.UTF_8));
  }

  /** Restores the stream {@link #install()} replaced, unless someone replaced it since. */
  public synchronized void uninstall() {
    if (original != null) {
      System.out.flush();
      System.setOut(original);
      original = null;
    }
  }

  /** Adds one line (what the tee does for each JSON line). */
  public synchronized void add(String text) {
    lines.addLast(new Line(++seq, text));
    if (lines.size() > CAPACITY) {
      lines.removeFirst();
    }
  }

  /** The kept lines numbered above {@code after}, oldest first. */
  public synchronized List<Line> after(long after) {
    List<Line> out = new ArrayList<>();
    for (Line line : lines) {
      if (line.seq() > after) {
        out.add(line);
      }
    }
    return out;
  }

  /** Writes through and splits into lines; bytes of one line may come in several writes. */
  private final class Tee extends OutputStream {
    private final PrintStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean tooLong;

    Tee(PrintStream out) {
      this.out = out;
    }

    @Override
    public synchronized void write(int b) {
      out.write(b);
      take(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      out.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        take(b[i]);
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    private void take(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        if (!tooLong && text.startsWith("{")) {
          add(text);
        }
        line.reset();
        tooLong = false;
      } else if (line.size() < MAX_LINE_BYTES) {
        line.write(b);
      } else {
        tooLong = true;
      }
    }
  }
}
