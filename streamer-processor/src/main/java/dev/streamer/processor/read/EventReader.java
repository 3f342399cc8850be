package dev.streamer.processor.read;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.EventModel;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the {@code @Event} records: name, visibility, and whether the generated codecs can write every component.
 * An event with a problem is reported and left out; its codec is generated with the other records.
 */
final class EventReader {

  /** The events read (sorted by name, duplicates kept for the checker) and whether a type is unresolved yet. */
  record Read(List<EventModel> events, boolean unresolved) {}

  private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final Reporter reporter;
  private final Annotations annotations;
  private final RecordCatalog catalog;
  private final Elements elements;
  private final String appPackage;

  EventReader(Reporter reporter, Annotations annotations, RecordCatalog catalog, Elements elements,
      String appPackage) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.catalog = catalog;
    this.elements = elements;
    this.appPackage = appPackage;
  }

  /** Reads the records named (qualified names of {@code @Event} records; other kinds are reported earlier). */
  Read read(Set<String> recordNames) {
    List<EventModel> events = new ArrayList<>();
    boolean unresolved = false;
    for (String qualified : new TreeSet<>(recordNames)) {
      TypeElement record = elements.getTypeElement(qualified);
      if (record == null || record.getKind() != ElementKind.RECORD) {
        continue;
      }
      Outcome out = new Outcome();
      EventModel event = read(record, out);
      unresolved |= out.unresolved;
      if (event != null) {
        events.add(event);
      }
    }
    events.sort(Comparator.comparing(EventModel::name).thenComparing(e -> e.record().canonicalName()));
    return new Read(events, unresolved);
  }

  private EventModel read(TypeElement record, Outcome out) {
    AnnotationMirror mirror = Annotations.find(record, Annotations.EVENT);
    String display = record.getQualifiedName().toString();
    boolean ok = true;
    String name = annotations.string(mirror, "value");
    if (!EVENT_NAME.matcher(name).matches()) {
      AnnotationValue value = Annotations.explicitValue(mirror, "value");
      reporter.report(Message.INVALID_EVENT_NAME, record, mirror, value, name, display);
      ok = false;
    }
    if (!record.getTypeParameters().isEmpty()) {
      reporter.report(Message.EVENT_GENERIC, record, mirror, null, display);
      return null;
    }
    if (!Access.visibleFrom(record, appPackage, elements)) {
      reporter.report(Message.NOT_ACCESSIBLE, record, mirror, null, display, appPackage.isEmpty() ? "(unnamed)"
          : appPackage);
      ok = false;
    }
    // The record's own components: an unsupported one is an event diagnostic on its line.
    Set<ClassName> nested = new LinkedHashSet<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      Element position = RecordCatalog.diagnosticElement(record, component);
      Outcome own = new Outcome();
      TypeRef type = catalog.type(component.asType(), position,
          "record component " + record.getSimpleName() + "." + component.getSimpleName(), own);
      out.unresolved |= own.unresolved;
      if (own.unsupported) {
        reporter.report(Message.EVENT_UNSUPPORTED_TYPE, position, display, component.getSimpleName(),
            component.asType());
        ok = false;
      } else if (type == null || !own.ok()) {
        reporter.addAll(own.problems);
        ok = false;
      } else {
        RecordCatalog.collectRecords(type, nested);
      }
    }
    // Records nested in it: their problems are reported where they are, as for any result record.
    if (ok && !nested.isEmpty()) {
      for (ClassName reachable : catalog.reachable(List.copyOf(nested))) {
        Outcome nestedOut = catalog.info(reachable).outcome();
        out.unresolved |= nestedOut.unresolved;
        if (!nestedOut.ok()) {
          reporter.addAll(nestedOut.problems);
          ok = false;
        }
      }
    }
    if (!ok) {
      return null;
    }
    ClassName recordName = ClassName.get(record);
    catalog.type(record.asType(), record, display, new Outcome()); // registers the record itself for its codec
    return new EventModel(name, recordName, annotations.string(mirror, "description"), record);
  }
}
