package dev.streamer.processor.read;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What earlier compilations left on the class path, for builds that compile only some sources:
 * <ul>
 *   <li>partial recompilation (javac given only the changed handler): the {@code <App>Handlers} interface generated
 *       before, in this compilation's output directory, names every handler class, so the route table is regenerated
 *       with all of them, not only the recompiled ones;</li>
 *   <li>records from a library built with Streamer: their {@code <Record>Json} and {@code <Record>Validator} are
 *       reused, never generated a second time into the application.</li>
 * </ul>
 * A type is "from source" when it is one of this compilation's sources: only those can have changed, so only their
 * generated classes are always written afresh.
 */
final class PreviousBuild {

  private final Elements elements;
  private final Set<String> sourceTypes;
  private final Filer filer;

  /** {@code sourceTypes}: qualified names of the top-level types of this compilation's sources. */
  PreviousBuild(Elements elements, Set<String> sourceTypes, Filer filer) {
    this.elements = elements;
    this.sourceTypes = sourceTypes;
    this.filer = filer;
  }

  boolean fromSource(TypeElement type) {
    Element top = type;
    while (top.getEnclosingElement() instanceof TypeElement outer) {
      top = outer;
    }
    return sourceTypes.contains(((TypeElement) top).getQualifiedName().toString());
  }

  /** Whether {@code generated}, made for {@code origin} (not from source), is on the class path already. */
  boolean provides(TypeElement origin, ClassName generated) {
    return !fromSource(origin) && elements.getTypeElement(generated.canonicalName()) != null;
  }

  /**
   * Handler classes named by a previous {@code <App>Handlers} on the class path and not among {@code current}:
   * looked up in the app package, or (no option) in each package enclosing the current handlers' common one,
   * since recompiling fewer handlers can only make the common package longer. A handler class that cannot be read
   * any more is {@code STREAMER-042}; handlers taken over are listed in a note ({@code STREAMER-043}).
   */
  Set<String> handlersOnClassPath(
      Set<TypeElement> current, String packageOption, String appName, Reporter reporter) {
    Set<String> currentNames = new LinkedHashSet<>();
    current.forEach(t -> currentNames.add(t.getQualifiedName().toString()));
    Element position = current.iterator().next();
    Set<String> found = new LinkedHashSet<>();
    for (String pkg : candidatePackages(current, packageOption)) {
      TypeElement previous = elements.getTypeElement(pkg + "." + appName + "Handlers");
      if (previous == null || fromSource(previous) || !inClassOutput(previous)) {
        continue; // one in a jar is another application's (a library built with Streamer), not an earlier run
      }
      for (Element member : previous.getEnclosedElements()) {
        if (member.getKind() != ElementKind.METHOD) {
          continue;
        }
        TypeMirror type = ((ExecutableElement) member).getReturnType();
        if (type.getKind() != TypeKind.DECLARED) {
          reporter.report(Message.ROUTE_TABLE_INCOMPLETE, position, previous.getQualifiedName(), type);
          continue;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        if (!currentNames.contains(name)) {
          found.add(name);
        }
      }
      break;
    }
    if (!found.isEmpty()) {
      reporter.report(Message.HANDLERS_FROM_CLASS_PATH, position, String.join(", ", found));
    }
    return found;
  }

  /** Whether the class file of top-level {@code type} is in this compilation's output directory. */
  private boolean inClassOutput(TypeElement type) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, Access.packageOf(type, elements),
          type.getSimpleName() + ".class");
      try (InputStream in = file.openInputStream()) {
        return true;
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return false; // absent, or a file manager without an output directory
    }
  }

  private List<String> candidatePackages(Set<TypeElement> handlers, String packageOption) {
    List<String> packages = new ArrayList<>();
    if (packageOption != null) {
      packages.add(packageOption);
      return packages;
    }
    String[] common = Access.commonPackage(handlers, elements);
    for (int n = common.length; n > 0; n--) {
      packages.add(String.join(".", java.util.Arrays.copyOf(common, n)));
    }
    return packages;
  }
}
