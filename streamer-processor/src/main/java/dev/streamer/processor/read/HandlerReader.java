package dev.streamer.processor.read;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.HandlerModel;
import dev.streamer.processor.model.Naming;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/** Checks a class declaring {@code @Action} methods; problems are reported on the class, naming a method. */
final class HandlerReader {

  private final Reporter reporter;

  HandlerReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The handler, or null when it cannot be used (reported). */
  HandlerModel read(TypeElement type, List<ExecutableElement> actions, boolean hasFactory, ClassName handlersInterface) {
    ExecutableElement first = actions.get(0);
    String method = type.getSimpleName() + "." + first.getSimpleName() + "()";
    String className = type.getQualifiedName().toString();
    ElementKind kind = type.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD && kind != ElementKind.ENUM) {
      reporter.report(Message.HANDLER_NOT_CLASS, type, method);
      return null;
    }
    boolean ok = true;
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
        && kind == ElementKind.CLASS) {
      reporter.report(Message.HANDLER_INNER, type, className, method);
      ok = false;
    }
    if (!isPublic(type)) {
      reporter.report(Message.HANDLER_NOT_PUBLIC, type, className, method);
      ok = false;
    }
    if (!type.getTypeParameters().isEmpty()) {
      reporter.report(Message.HANDLER_GENERIC, type, className, method);
      ok = false;
    }
    boolean isAbstract = type.getModifiers().contains(Modifier.ABSTRACT);
    boolean constructible = !isAbstract && kind != ElementKind.ENUM && hasPublicNoArgConstructor(type);
    if (!hasFactory && ok) {
      if (isAbstract) {
        reporter.report(Message.HANDLER_ABSTRACT, type, className, method, handlersInterface);
        ok = false;
      } else if (!constructible) {
        reporter.report(Message.HANDLER_NO_CONSTRUCTOR, type, className, method, handlersInterface);
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    ClassName name = ClassName.get(type);
    return new HandlerModel(name, Naming.lowerCamel(name), constructible, type);
  }

  /** The type and every class enclosing it are public. */
  static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  static boolean hasPublicNoArgConstructor(TypeElement type) {
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.CONSTRUCTOR
          && member.getModifiers().contains(Modifier.PUBLIC)
          && ((ExecutableElement) member).getParameters().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
