package dev.streamer.processor.read;

import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/** Finds and checks the {@code @QueueWhen} method of a payload record. */
final class QueueWhenReader {

  /** Name of the record's valid {@code @QueueWhen} method, or null (problems reported). */
  String read(TypeElement record, Reporter problems) {
    List<ExecutableElement> found = new ArrayList<>();
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && Annotations.find(member, Annotations.QUEUE_WHEN) != null) {
        found.add((ExecutableElement) member);
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    if (found.size() > 1) {
      String names = String.join(", ", found.stream().map(m -> m.getSimpleName() + "()").toList());
      for (ExecutableElement method : found) {
        problems.report(Message.QUEUE_WHEN_DUPLICATE, method, Annotations.find(method, Annotations.QUEUE_WHEN), null,
            record.getSimpleName(), names);
      }
      return null;
    }
    ExecutableElement method = found.get(0);
    if (!isValid(method)) {
      AnnotationMirror mirror = Annotations.find(method, Annotations.QUEUE_WHEN);
      problems.report(Message.QUEUE_WHEN_INVALID, method, mirror, null,
          record.getSimpleName() + "." + method.getSimpleName() + "()");
      return null;
    }
    return method.getSimpleName().toString();
  }

  static boolean isValid(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.STATIC)
        && method.getParameters().isEmpty()
        && method.getTypeParameters().isEmpty()
        && method.getReturnType().getKind() == TypeKind.BOOLEAN;
  }
}
