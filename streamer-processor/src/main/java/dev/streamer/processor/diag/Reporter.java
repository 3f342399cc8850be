package dev.streamer.processor.diag;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Collects diagnostics and prints them later, so that a round whose model is incomplete (types another processor
 * has yet to generate) can be discarded. Each diagnostic points at the element, and at the annotation and its value
 * where there is one, so the IDE highlights the exact attribute. Identical diagnostics are printed once.
 */
public final class Reporter {

  /** One pending diagnostic. Element, mirror and value may be null. */
  public record Entry(Kind kind, String text, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final Set<Entry> entries = new LinkedHashSet<>();

  public void report(Message message, Element element, AnnotationMirror mirror, AnnotationValue value, Object... args) {
    entries.add(new Entry(message.kind(), message.format(args), element, mirror, value));
  }

  public void report(Message message, Element element, Object... args) {
    report(message, element, null, null, args);
  }

  /** Adds every pending diagnostic of {@code other} (problems found while reading a shared element). */
  public void addAll(Reporter other) {
    entries.addAll(other.entries);
  }

  public boolean hasErrors() {
    return entries.stream().anyMatch(e -> e.kind() == Kind.ERROR);
  }

  /** Prints every pending diagnostic and forgets them. */
  public void flush(Messager messager) {
    for (Entry e : entries) {
      if (e.element() == null) {
        messager.printMessage(e.kind(), e.text());
      } else if (e.mirror() == null) {
        messager.printMessage(e.kind(), e.text(), e.element());
      } else if (e.value() == null) {
        messager.printMessage(e.kind(), e.text(), e.element(), e.mirror());
      } else {
        messager.printMessage(e.kind(), e.text(), e.element(), e.mirror(), e.value());
      }
    }
    entries.clear();
  }

  /** Forgets every pending diagnostic (the round is retried later). */
  public void discard() {
    entries.clear();
  }
}
