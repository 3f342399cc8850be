package dev.streamer.processor.read;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Whether generated code in some package can name a type. */
final class Access {

  private Access() {}

  /** {@code type} and every class enclosing it are visible from {@code packageName}. */
  static boolean visibleFrom(TypeElement type, String packageName, Elements elements) {
    boolean samePackage = packageOf(type, elements).equals(packageName);
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (!(e instanceof TypeElement)) {
        return false; // local or anonymous
      }
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!samePackage && !e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  /** The longest package prefix all {@code types} share, as its name parts; empty when they share none. */
  static String[] commonPackage(Iterable<? extends TypeElement> types, Elements elements) {
    String[] common = null;
    int length = 0;
    for (TypeElement type : types) {
      String pkg = packageOf(type, elements);
      String[] parts = pkg.isEmpty() ? new String[0] : pkg.split("\\.");
      if (common == null) {
        common = parts;
        length = parts.length;
      } else {
        int i = 0;
        while (i < length && i < parts.length && common[i].equals(parts[i])) {
          i++;
        }
        length = i;
      }
    }
    return common == null ? new String[0] : java.util.Arrays.copyOf(common, length);
  }

  /** Whether {@code type} is in the unnamed package, which no named package can refer to. */
  static boolean inUnnamedPackage(Element type) {
    Element e = type;
    while (e != null && !(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    return e != null && ((PackageElement) e).isUnnamed();
  }

  static String packageOf(Element element, Elements elements) {
    PackageElement pkg = elements.getPackageOf(element);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }
}
