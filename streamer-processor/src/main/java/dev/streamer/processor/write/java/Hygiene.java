package dev.streamer.processor.write.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.HandlerModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * Keeps generated code compilable whatever users name things. Two ways a user's name can break it:
 * <ul>
 *   <li>a local variable or field named after a component ({@code Constraints}, {@code java}) hides the type or
 *       package of that name in expressions ({@code Constraints.size(0, 5)}, JLS 6.4.2): every such local avoids
 *       {@link #reservedNames() the simple names and package roots generated code refers to};</li>
 *   <li>a type in the generated file's package ({@code record String}, {@code record Override}) hides the
 *       {@code java.lang} type of that name, and an import would clash with it: those names are
 *       {@link #alwaysQualify(String) written qualified}.</li>
 * </ul>
 */
public final class Hygiene {

  private final Elements elements;
  private final Set<String> reserved = new TreeSet<>();
  private final List<ClassName> generated = new ArrayList<>();

  public Hygiene(AppModel app, Elements elements) {
    this.elements = elements;
    List<ClassName> referenced = new ArrayList<>(Names.ALL);
    for (ScalarKind scalar : ScalarKind.values()) {
      referenced.add(scalar.className());
    }
    for (RecordModel record : app.records()) {
      referenced.add(record.name());
      generated.add(Naming.codec(record.name()));
      generated.add(Naming.validator(record.name()));
    }
    for (EnumModel e : app.enums()) {
      referenced.add(e.name());
      generated.add(Naming.codec(e.name()));
    }
    for (HandlerModel handler : app.handlers()) {
      referenced.add(handler.name());
    }
    for (ActionModel action : app.actions()) {
      generated.add(Naming.route(app.packageName(), action.name()));
    }
    if (app.factory() != null) {
      referenced.add(app.factoryName());
    }
    for (String suffix : List.of("Handlers", "RouteTable", "Events", "ConnectHandler", "DisconnectHandler",
        "DefaultHandler", "StreamProcessor", "Sweeper")) {
      generated.add(app.appType(suffix));
    }
    referenced.addAll(generated);
    for (ClassName name : referenced) {
      reserved.add(name.simpleNames().get(0));
      if (!name.packageName().isEmpty()) {
        reserved.add(name.packageName().split("\\.")[0]);
      }
    }
    reserved.addAll(Names.JAVA_LANG);
    reserved.add("java");
  }

  /** Simple names and package roots that no generated local variable or field may take. */
  Set<String> reservedNames() {
    return reserved;
  }

  /** A name allocator that will never hand out a reserved name. */
  NameAllocator allocator() {
    NameAllocator names = new NameAllocator();
    reserved.forEach(names::newName);
    return names;
  }

  /** Simple names of the types in {@code packageName} (declared, on the class path, or generated here). */
  public String[] alwaysQualify(String packageName) {
    Set<String> names = new TreeSet<>();
    PackageElement pkg = packageName.isEmpty() ? null : elements.getPackageElement(packageName);
    if (pkg != null) {
      for (Element type : pkg.getEnclosedElements()) {
        names.add(type.getSimpleName().toString());
      }
    }
    for (ClassName name : generated) {
      if (name.packageName().equals(packageName)) {
        names.add(name.simpleName());
      }
    }
    return names.toArray(String[]::new);
  }
}
