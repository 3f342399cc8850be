package dev.streamer.processor.read;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the {@code @HandlerFactory} class. It implements {@code <App>Handlers}, which is generated in the same
 * round: until then javac sees an error type, so the interface is matched by name.
 */
final class FactoryReader {

  private final Reporter reporter;

  FactoryReader(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The factory, or null when there is none or it is unusable (reported). */
  TypeElement read(List<TypeElement> factories, ClassName handlersInterface) {
    if (factories.isEmpty()) {
      return null;
    }
    if (factories.size() > 1) {
      String names = String.join(", ", factories.stream().map(f -> f.getQualifiedName().toString()).toList());
      for (TypeElement factory : factories) {
        reporter.report(Message.HANDLER_FACTORY_DUPLICATE, factory, mirror(factory), null, names);
      }
      return null;
    }
    TypeElement factory = factories.get(0);
    boolean ok = true;
    if (factory.getKind() != ElementKind.CLASS || factory.getModifiers().contains(Modifier.ABSTRACT)
        || !HandlerReader.isPublic(factory) || !HandlerReader.hasPublicNoArgConstructor(factory)
        || (factory.getNestingKind() == NestingKind.MEMBER && !factory.getModifiers().contains(Modifier.STATIC))) {
      reporter.report(Message.HANDLER_FACTORY_INVALID, factory, mirror(factory), null, factory.getQualifiedName());
      ok = false;
    }
    if (Access.inUnnamedPackage(factory)) {
      reporter.report(Message.DEFAULT_PACKAGE, factory, mirror(factory), null,
          "@HandlerFactory class " + factory.getQualifiedName());
      ok = false;
    }
    if (!implementsByName(factory, handlersInterface)) {
      reporter.report(Message.HANDLER_FACTORY_NOT_HANDLERS, factory, mirror(factory), null,
          factory.getQualifiedName(), handlersInterface.canonicalName());
      ok = false;
    }
    return ok ? factory : null;
  }

  private static AnnotationMirror mirror(TypeElement factory) {
    return Annotations.find(factory, Annotations.HANDLER_FACTORY);
  }

  /** Whether {@code type} or a superclass lists the interface, resolved or not (matched by simple or full name). */
  private static boolean implementsByName(TypeElement type, ClassName handlersInterface) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      for (TypeMirror itf : t.getInterfaces()) {
        if (matches(itf, handlersInterface)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(TypeMirror itf, ClassName handlersInterface) {
    String written = itf.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) itf).asElement()).getQualifiedName().toString()
        : itf.toString();
    return written.equals(handlersInterface.canonicalName()) || written.equals(handlersInterface.simpleName());
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }
}
