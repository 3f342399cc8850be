package dev.streamer.processor.read;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.PrimitiveKind;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.ScalarKind;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads records and enums into the model, once each, whatever uses them. A record's problems are kept with it and
 * reported by whoever needs the record (payload records must be fully supported; a result record that is not falls
 * back to {@code JsonWrite.any}). Recursive records are fine: a component refers to a record by name only.
 */
public final class RecordCatalog {

  /**
   * One record as read.
   *
   * @param model      the record (validated flag not yet computed)
   * @param outcome    its problems and flags
   * @param references records its components refer to, in order
   */
  public record Info(RecordModel model, Outcome outcome, List<ClassName> references) {}

  private final Elements elements;
  private final ConstraintReader constraints;
  private final QueueWhenReader queueWhen;
  private final Map<ClassName, TypeElement> recordElements = new HashMap<>();
  private final Map<ClassName, Info> infos = new HashMap<>();
  private final Map<ClassName, EnumModel> enums = new HashMap<>();

  public RecordCatalog(ProcessingEnvironment env, Annotations annotations) {
    this.elements = env.getElementUtils();
    this.constraints = new ConstraintReader(annotations);
    this.queueWhen = new QueueWhenReader();
  }

  /** The record read from its element (lazily, once). */
  public Info info(ClassName record) {
    Info info = infos.get(record);
    if (info == null) {
      info = readRecord(recordElements.get(record));
      infos.put(record, info);
    }
    return info;
  }

  public EnumModel enumModel(ClassName name) {
    return enums.get(name);
  }

  /** Every record reachable from {@code roots} through components, roots first, in a stable order. */
  public List<ClassName> reachable(List<ClassName> roots) {
    Set<ClassName> seen = new LinkedHashSet<>(roots);
    List<ClassName> queue = new ArrayList<>(roots);
    for (int i = 0; i < queue.size(); i++) {
      for (ClassName ref : info(queue.get(i)).references()) {
        if (seen.add(ref)) {
          queue.add(ref);
        }
      }
    }
    return List.copyOf(seen);
  }

  /**
   * The model of {@code type}, or null when unsupported or unresolved (recorded in {@code out}, on {@code context},
   * described as {@code where}). Records and enums met on the way are registered.
   */
  public TypeRef type(TypeMirror type, Element context, String where, Outcome out) {
    switch (type.getKind()) {
      case BOOLEAN: return new TypeRef.Primitive(PrimitiveKind.BOOLEAN);
      case BYTE: return new TypeRef.Primitive(PrimitiveKind.BYTE);
      case SHORT: return new TypeRef.Primitive(PrimitiveKind.SHORT);
      case INT: return new TypeRef.Primitive(PrimitiveKind.INT);
      case LONG: return new TypeRef.Primitive(PrimitiveKind.LONG);
      case CHAR: return new TypeRef.Primitive(PrimitiveKind.CHAR);
      case FLOAT: return new TypeRef.Primitive(PrimitiveKind.FLOAT);
      case DOUBLE: return new TypeRef.Primitive(PrimitiveKind.DOUBLE);
      case ARRAY: return array((ArrayType) type, context, where, out);
      case DECLARED: return declared((DeclaredType) type, context, where, out);
      case ERROR:
        out.unresolved = true;
        out.problems.report(Message.UNRESOLVED_TYPE, context, type, where);
        return null;
      default:
        return unsupported(type, context, where, out);
    }
  }

  private TypeRef array(ArrayType type, Element context, String where, Outcome out) {
    TypeRef component = type(type.getComponentType(), context, where, out);
    if (component == null) {
      return null;
    }
    if (component instanceof TypeRef.ListRef || component instanceof TypeRef.SetRef
        || component instanceof TypeRef.MapRef || component instanceof TypeRef.OptionalRef) {
      return unsupported(type, context, where, out); // generic array creation is illegal
    }
    return new TypeRef.ArrayRef(component);
  }

  private TypeRef declared(DeclaredType type, Element context, String where, Outcome out) {
    TypeElement element = (TypeElement) type.asElement();
    List<? extends TypeMirror> args = type.getTypeArguments();
    if (element.getKind() == ElementKind.ENUM) {
      return enumRef(type, element, context, where, out);
    }
    if (element.getKind() == ElementKind.RECORD) {
      if (!element.getTypeParameters().isEmpty()) {
        return unsupported(type, context, where, out);
      }
      if (!visible(element, context, out)) {
        return null;
      }
      ClassName name = ClassName.get(element);
      recordElements.putIfAbsent(name, element);
      return new TypeRef.RecordRef(name);
    }
    String qualified = element.getQualifiedName().toString();
    switch (qualified) {
      case "java.lang.Boolean": return new TypeRef.Box(PrimitiveKind.BOOLEAN);
      case "java.lang.Byte": return new TypeRef.Box(PrimitiveKind.BYTE);
      case "java.lang.Short": return new TypeRef.Box(PrimitiveKind.SHORT);
      case "java.lang.Integer": return new TypeRef.Box(PrimitiveKind.INT);
      case "java.lang.Long": return new TypeRef.Box(PrimitiveKind.LONG);
      case "java.lang.Character": return new TypeRef.Box(PrimitiveKind.CHAR);
      case "java.lang.Float": return new TypeRef.Box(PrimitiveKind.FLOAT);
      case "java.lang.Double": return new TypeRef.Box(PrimitiveKind.DOUBLE);
      case "java.lang.String": return new TypeRef.Text();
      case "java.lang.Object": return new TypeRef.Any();
      case "java.util.List":
      case "java.util.Set":
      case "java.util.Optional": {
        if (args.size() != 1) {
          return unsupported(type, context, where, out);
        }
        TypeRef element0 = type(args.get(0), context, where, out);
        if (element0 == null) {
          return null;
        }
        return switch (qualified) {
          case "java.util.List" -> new TypeRef.ListRef(element0);
          case "java.util.Set" -> new TypeRef.SetRef(element0);
          default -> new TypeRef.OptionalRef(element0);
        };
      }
      case "java.util.Map": {
        if (args.size() != 2 || !isString(args.get(0))) {
          return unsupported(type, context, where, out);
        }
        TypeRef value = type(args.get(1), context, where, out);
        return value == null ? null : new TypeRef.MapRef(value);
      }
      default: {
        ScalarKind scalar = ScalarKind.of(qualified);
        return scalar != null ? new TypeRef.Scalar(scalar) : unsupported(type, context, where, out);
      }
    }
  }

  private TypeRef enumRef(DeclaredType type, TypeElement element, Element context, String where, Outcome out) {
    if (!visible(element, context, out)) {
      return null;
    }
    ClassName name = ClassName.get(element);
    enums.computeIfAbsent(name, n -> new EnumModel(n, element.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(e -> e.getSimpleName().toString())
        .toList(), element));
    return new TypeRef.EnumRef(name);
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
  }

  private static TypeRef unsupported(TypeMirror type, Element context, String where, Outcome out) {
    out.unsupported = true;
    out.problems.report(Message.UNSUPPORTED_TYPE, context, type, where);
    return null;
  }

  /** Generated codecs live in the type's own package: the type must not be private. */
  private boolean visible(TypeElement element, Element context, Outcome out) {
    String pkg = packageOf(element);
    if (Access.visibleFrom(element, pkg, elements)) {
      return true;
    }
    out.unsupported = true;
    out.problems.report(Message.NOT_ACCESSIBLE, context, element.getQualifiedName(), pkg.isEmpty() ? "(unnamed)" : pkg);
    return false;
  }

  private String packageOf(TypeElement element) {
    return Access.packageOf(element, elements);
  }

  private Info readRecord(TypeElement record) {
    ClassName name = ClassName.get(record);
    Outcome out = new Outcome();
    List<ComponentModel> components = new ArrayList<>();
    Set<ClassName> references = new LinkedHashSet<>();
    String recordName = String.join(".", name.simpleNames());
    for (RecordComponentElement component : record.getRecordComponents()) {
      String where = "record component " + recordName + "." + component.getSimpleName();
      Element position = diagnosticElement(record, component);
      TypeRef type = type(component.asType(), position, where, out);
      if (type == null) {
        continue;
      }
      collectRecords(type, references);
      ConstraintReader.Read read = constraints.read(record, component, position, type, out.problems);
      components.add(new ComponentModel(component.getSimpleName().toString(), type, read.constraints(), read.cascade(),
          read.elements()));
    }
    String queueWhenMethod = queueWhen.read(record, out.problems);
    RecordModel model = new RecordModel(name, components, queueWhenMethod, false, record);
    return new Info(model, out, List.copyOf(references));
  }

  /**
   * Where diagnostics about a component go: its private field, which javac maps to the component's source line
   * (JDK 17's javac cannot place a diagnostic on a {@code RecordComponentElement}).
   */
  static Element diagnosticElement(TypeElement record, RecordComponentElement component) {
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD && member.getSimpleName().equals(component.getSimpleName())) {
        return member;
      }
    }
    return component;
  }

  /** Adds every record {@code type} refers to, directly or through containers. */
  public static void collectRecords(TypeRef type, Set<ClassName> into) {
    if (type instanceof TypeRef.RecordRef r) {
      into.add(r.name());
    } else if (type instanceof TypeRef.ListRef l) {
      collectRecords(l.element(), into);
    } else if (type instanceof TypeRef.SetRef s) {
      collectRecords(s.element(), into);
    } else if (type instanceof TypeRef.MapRef m) {
      collectRecords(m.value(), into);
    } else if (type instanceof TypeRef.OptionalRef o) {
      collectRecords(o.value(), into);
    } else if (type instanceof TypeRef.ArrayRef a) {
      collectRecords(a.component(), into);
    }
  }

  /** Adds every enum {@code type} refers to, directly or through containers. */
  public static void collectEnums(TypeRef type, Set<ClassName> into) {
    if (type instanceof TypeRef.EnumRef e) {
      into.add(e.name());
    } else if (type instanceof TypeRef.ListRef l) {
      collectEnums(l.element(), into);
    } else if (type instanceof TypeRef.SetRef s) {
      collectEnums(s.element(), into);
    } else if (type instanceof TypeRef.MapRef m) {
      collectEnums(m.value(), into);
    } else if (type instanceof TypeRef.OptionalRef o) {
      collectEnums(o.value(), into);
    } else if (type instanceof TypeRef.ArrayRef a) {
      collectEnums(a.component(), into);
    }
  }
}
