package dev.streamer.samples.local;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line terminal progress bar, redrawn in place with a carriage return. */
final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintStream out;
  private int lastLength;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  void show(double fraction, String message) {
    int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
    String line = String.format(Locale.ROOT, "   [%s%s] %3d%%  %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
        Math.round(fraction * 100), message == null ? "" : message);
    String padding = " ".repeat(Math.max(0, lastLength - line.length()));
    out.print("\r" + line + padding);
    out.flush();
    lastLength = line.length();
  }

  void finish() {
    out.println();
  }
}
