package dev.streamer.processor.read;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/** Reads annotations by name, so that no annotation class is loaded and jakarta needs no dependency. */
public final class Annotations {

  public static final String PACKAGE = "dev.streamer.annotations";
  public static final String ACTION = PACKAGE + ".Action";
  public static final String QUEUE_WHEN = PACKAGE + ".QueueWhen";
  public static final String HANDLER_FACTORY = PACKAGE + ".HandlerFactory";
  public static final String EVENT = PACKAGE + ".Event";
  public static final String VALID = PACKAGE + ".Valid";
  public static final String JAKARTA_CONSTRAINTS = "jakarta.validation.constraints";
  public static final String JAKARTA_VALID = "jakarta.validation.Valid";

  public static final String PROGRESS = "dev.streamer.core.Progress";
  public static final String REQUEST_CONTEXT = "dev.streamer.core.RequestContext";
  public static final String NOTIFIER = "dev.streamer.core.Notifier";

  private final Elements elements;

  public Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation type's qualified name, or null for an unresolved annotation. */
  public static String typeName(AnnotationMirror mirror) {
    if (mirror.getAnnotationType().getKind() == TypeKind.ERROR) {
      return null;
    }
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The mirror of annotation {@code qualifiedName} on {@code element}, or null. */
  public static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName.equals(typeName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  /** The value written in source for {@code attribute}, or null when it is defaulted (for diagnostics). */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value of {@code attribute}, default included; null when the attribute does not exist. */
  public Object value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  public String string(AnnotationMirror mirror, String attribute) {
    Object v = value(mirror, attribute);
    return v instanceof String s ? s : "";
  }

  public boolean bool(AnnotationMirror mirror, String attribute) {
    return Boolean.TRUE.equals(value(mirror, attribute));
  }

  public long number(AnnotationMirror mirror, String attribute, long fallback) {
    Object v = value(mirror, attribute);
    return v instanceof Number n ? n.longValue() : fallback;
  }

  /** Names of the enum constants of an array attribute ({@code flags = {CASE_INSENSITIVE}}). */
  public List<String> enumNames(AnnotationMirror mirror, String attribute) {
    Object v = value(mirror, attribute);
    if (!(v instanceof List<?> list)) {
      return List.of();
    }
    return list.stream()
        .map(item -> ((AnnotationValue) item).getValue())
        .filter(Element.class::isInstance)
        .map(constant -> ((Element) constant).getSimpleName().toString())
        .toList();
  }
}
