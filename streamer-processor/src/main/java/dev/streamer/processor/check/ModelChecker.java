package dev.streamer.processor.check;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.EventModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.read.Annotations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Whole-model rules that no single reader can check: action and event names unique across all handler classes, and no two
 * model elements generating the same class. Offending actions are reported (each of them) and removed.
 */
public final class ModelChecker {

  private final Reporter reporter;

  public ModelChecker(Reporter reporter) {
    this.reporter = reporter;
  }

  public AppModel check(AppModel model) {
    Set<ActionModel> rejected = new HashSet<>();
    duplicateNames(model.actions(), rejected);
    routeClashes(model, rejected);
    generatedClashes(model);
    List<ActionModel> kept = new ArrayList<>();
    for (ActionModel action : model.actions()) {
      if (!rejected.contains(action)) {
        kept.add(action);
      }
    }
    return model.withActions(kept).withEvents(uniqueEvents(model.events()));
  }

  /** Events sharing a name are each reported and left out (a client could not tell them apart). */
  private List<EventModel> uniqueEvents(List<EventModel> events) {
    Map<String, List<EventModel>> byName = new LinkedHashMap<>();
    for (EventModel event : events) {
      byName.computeIfAbsent(event.name(), n -> new ArrayList<>()).add(event);
    }
    List<EventModel> kept = new ArrayList<>();
    for (List<EventModel> same : byName.values()) {
      if (same.size() == 1) {
        kept.add(same.get(0));
        continue;
      }
      for (EventModel event : same) {
        String others = String.join(", ", same.stream().filter(o -> o != event)
            .map(o -> o.record().canonicalName()).toList());
        AnnotationMirror mirror = Annotations.find(event.element(), Annotations.EVENT);
        AnnotationValue value = mirror == null ? null : Annotations.explicitValue(mirror, "value");
        reporter.report(Message.DUPLICATE_EVENT, event.element(), mirror, value, event.name(), others);
      }
    }
    return kept;
  }

  private void duplicateNames(List<ActionModel> actions, Set<ActionModel> rejected) {
    Map<String, List<ActionModel>> byName = new LinkedHashMap<>();
    for (ActionModel action : actions) {
      byName.computeIfAbsent(action.name(), n -> new ArrayList<>()).add(action);
    }
    for (List<ActionModel> same : byName.values()) {
      if (same.size() < 2) {
        continue;
      }
      for (ActionModel action : same) {
        List<String> others = new ArrayList<>();
        for (ActionModel other : same) {
          if (other != action) {
            others.add(display(other));
          }
        }
        AnnotationMirror mirror = Annotations.find(action.element(), Annotations.ACTION);
        AnnotationValue value = mirror == null ? null
            : Annotations.explicitValue(mirror, "name");
        reporter.report(Message.DUPLICATE_ACTION, action.element(), mirror, value, action.name(),
            String.join(", ", others));
        rejected.add(action);
      }
    }
  }

  private void routeClashes(AppModel model, Set<ActionModel> rejected) {
    Map<ClassName, ActionModel> byRoute = new LinkedHashMap<>();
    for (ActionModel action : model.actions()) {
      if (rejected.contains(action)) {
        continue;
      }
      ClassName route = Naming.route(model.packageName(), action.name());
      ActionModel previous = byRoute.putIfAbsent(route, action);
      if (previous != null) {
        reporter.report(Message.GENERATED_NAME_CLASH, action.element(), "action \"" + previous.name() + "\"",
            "action \"" + action.name() + "\"", route.canonicalName());
        rejected.add(action);
        rejected.add(previous);
      }
    }
  }

  /** Codecs and validators of records and enums ({@code a.Outer_Inner} vs {@code a.Outer.Inner}). */
  private void generatedClashes(AppModel model) {
    Map<ClassName, String> owners = new LinkedHashMap<>();
    for (RecordModel record : model.records()) {
      claim(owners, Naming.codec(record.name()), record.name().canonicalName(), record.element());
      if (record.validated()) {
        claim(owners, Naming.validator(record.name()), record.name().canonicalName(), record.element());
      }
    }
    for (EnumModel e : model.enums()) {
      claim(owners, Naming.codec(e.name()), e.name().canonicalName(), e.element());
    }
  }

  private void claim(Map<ClassName, String> owners, ClassName generated, String owner, Element element) {
    String previous = owners.putIfAbsent(generated, owner);
    if (previous != null && !previous.equals(owner)) {
      reporter.report(Message.GENERATED_NAME_CLASH, element, previous, owner, generated.canonicalName());
    }
  }

  private static String display(ActionModel action) {
    return action.handler().canonicalName() + "." + action.methodName() + "()";
  }
}
