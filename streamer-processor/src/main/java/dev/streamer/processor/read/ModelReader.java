package dev.streamer.processor.read;

import com.palantir.javapoet.ClassName;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.EventModel;
import dev.streamer.processor.model.HandlerModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.ResultModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Builds the {@link AppModel} from the handler classes and the handler factory, reporting problems as it goes.
 * Invalid actions and handlers are left out of the model, so the writers only ever see valid input.
 */
public final class ModelReader {

  /** Processor options that shape the model. */
  public record Settings(String appName, String packageOption, long thresholdMillis) {}

  /** The model (null when nothing can be generated) and whether some type is not resolved yet. */
  public record Result(AppModel model, boolean unresolved) {}

  private static final String[] LAMBDA_TYPES = {
    "com.amazonaws.services.lambda.runtime.RequestHandler",
    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent",
    "com.amazonaws.services.lambda.runtime.events.DynamodbEvent",
    "dev.streamer.runtime.aws.lambda.AwsRuntime",
  };

  private final ProcessingEnvironment env;
  private final Elements elements;
  private final Reporter reporter;
  private final Settings settings;

  public ModelReader(ProcessingEnvironment env, Reporter reporter, Settings settings) {
    this.env = env;
    this.elements = env.getElementUtils();
    this.reporter = reporter;
    this.settings = settings;
  }

  /** Reads the application from the handler classes and factory classes named (qualified names). */
  public Result read(Set<String> handlerNames, Set<String> factoryNames) {
    return read(handlerNames, factoryNames, handlerNames, Set.of());
  }

  /**
   * Reads the application; {@code sourceTypes} are the qualified names of this compilation's top-level source types
   * (whatever else is read comes from the class path: see {@link PreviousBuild}); {@code eventNames} are the
   * {@code @Event} records (qualified names).
   */
  public Result read(Set<String> handlerNames, Set<String> factoryNames, Set<String> sourceTypes,
      Set<String> eventNames) {
    PreviousBuild previous = new PreviousBuild(elements, sourceTypes, env.getFiler());
    Map<TypeElement, List<ExecutableElement>> handlers = new TreeMap<>(
        Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (String name : new TreeSet<>(handlerNames)) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        List<ExecutableElement> methods = actionMethods(type);
        if (!methods.isEmpty()) {
          handlers.put(type, methods);
        }
      }
    }
    if (handlers.isEmpty()) {
      return new Result(null, false);
    }
    boolean unnamed = handlers.keySet().stream().anyMatch(h -> Access.packageOf(h, elements).isEmpty());
    if (!unnamed) {
      for (String name : previous.handlersOnClassPath(
          handlers.keySet(), settings.packageOption(), settings.appName(), reporter)) {
        TypeElement type = elements.getTypeElement(name);
        List<ExecutableElement> methods = type == null ? List.of() : actionMethods(type);
        if (!methods.isEmpty()) {
          handlers.put(type, methods);
        }
      }
    }
    String appPackage = appPackage(handlers.keySet());
    if (appPackage == null) {
      return new Result(null, false);
    }
    ClassName handlersInterface = ClassName.get(appPackage, settings.appName() + "Handlers");

    List<TypeElement> factories = new ArrayList<>();
    for (String name : new TreeSet<>(factoryNames)) {
      TypeElement factory = elements.getTypeElement(name);
      if (factory != null) {
        factories.add(factory);
      }
    }
    TypeElement factory = new FactoryReader(reporter).read(factories, handlersInterface);
    boolean hasFactory = !factories.isEmpty(); // a broken factory is reported once, not once per handler

    Annotations annotations = new Annotations(elements);
    RecordCatalog catalog = new RecordCatalog(env, annotations);
    ActionReader actionReader =
        new ActionReader(reporter, annotations, catalog, elements, appPackage, settings.thresholdMillis());
    HandlerReader handlerReader = new HandlerReader(reporter);

    List<HandlerModel> handlerModels = new ArrayList<>();
    List<ActionModel> actions = new ArrayList<>();
    boolean unresolved = false;
    Set<String> accessors = new HashSet<>();
    accessors.add("interceptors"); // <App>Handlers.interceptors(): a handler class Interceptors gets interceptors2()
    for (Map.Entry<TypeElement, List<ExecutableElement>> e : handlers.entrySet()) {
      HandlerModel handler;
      try {
        handler = handlerReader.read(e.getKey(), e.getValue(), hasFactory, handlersInterface);
      } catch (RuntimeException bug) {
        reporter.report(Message.INTERNAL_ERROR, e.getKey(), e.getKey().getQualifiedName(), describe(bug));
        continue;
      }
      List<ActionModel> handlerActions = new ArrayList<>();
      for (ExecutableElement method : e.getValue()) {
        try {
          ActionReader.Read read = actionReader.read(method);
          unresolved |= read.unresolved();
          if (read.action() != null) {
            handlerActions.add(read.action());
          }
        } catch (RuntimeException bug) {
          reporter.report(Message.INTERNAL_ERROR, method, e.getKey().getSimpleName() + "." + method.getSimpleName(),
              describe(bug));
        }
      }
      if (handler != null) {
        handlerModels.add(unique(handler, accessors));
        actions.addAll(handlerActions);
      }
    }
    actions.sort(Comparator.comparing(ActionModel::name).thenComparing(a -> a.handler().canonicalName()));
    EventReader.Read events = new EventReader(reporter, annotations, catalog, elements, appPackage).read(eventNames);
    unresolved |= events.unresolved();

    List<RecordModel> records = records(actions, events.events(), catalog);
    List<EnumModel> enums = enums(records, actions, catalog);
    Set<ClassName> provided = new TreeSet<>(Comparator.comparing(ClassName::canonicalName));
    for (RecordModel record : records) {
      if (previous.provides(record.element(), Naming.codec(record.name()))) {
        provided.add(Naming.codec(record.name()));
      }
      if (record.validated() && previous.provides(record.element(), Naming.validator(record.name()))) {
        provided.add(Naming.validator(record.name()));
      }
    }
    for (EnumModel e : enums) {
      if (previous.provides(e.element(), Naming.codec(e.name()))) {
        provided.add(Naming.codec(e.name()));
      }
    }
    AppModel model = new AppModel(settings.appName(), appPackage, settings.thresholdMillis(), handlerModels, actions,
        records, enums, factory, lambdaLibrariesPresent(), provided, events.events());
    return new Result(model, unresolved);
  }

  /** Exception and where it was thrown, for an internal-error diagnostic. */
  public static String describe(Throwable e) {
    StackTraceElement[] trace = e.getStackTrace();
    return e + (trace.length == 0 ? "" : " at " + trace[0]);
  }

  /** Methods annotated {@code @Action}, in source order. */
  private static List<ExecutableElement> actionMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && Annotations.find(member, Annotations.ACTION) != null) {
        methods.add((ExecutableElement) member);
      }
    }
    return methods;
  }

  /** {@code reports}, or {@code reports2} when two handler classes share a simple name. */
  private static HandlerModel unique(HandlerModel handler, Set<String> taken) {
    String accessor = handler.accessor();
    for (int i = 2; !taken.add(accessor); i++) {
      accessor = handler.accessor() + i;
    }
    return new HandlerModel(handler.name(), accessor, handler.defaultConstructible(), handler.element());
  }

  /** The {@code streamer.package} option, else the longest common package of the handlers; null when none. */
  private String appPackage(Set<TypeElement> handlers) {
    boolean unnamed = false;
    for (TypeElement handler : handlers) {
      if (Access.packageOf(handler, elements).isEmpty()) {
        reporter.report(Message.DEFAULT_PACKAGE, handler, "handler class " + handler.getQualifiedName());
        unnamed = true;
      }
    }
    if (unnamed) {
      return null; // no package option helps: named packages cannot see the unnamed one
    }
    if (settings.packageOption() != null) {
      return settings.packageOption();
    }
    String[] common = Access.commonPackage(handlers, elements);
    if (common.length == 0) {
      TypeElement first = handlers.iterator().next();
      String names = String.join(", ", handlers.stream().map(h -> h.getQualifiedName().toString()).toList());
      reporter.report(Message.PACKAGE_REQUIRED, first, names);
      return null;
    }
    return String.join(".", common);
  }

  /**
   * Records reachable from payloads, codec results and events, sorted by name; a payload record and the records it
   * cascades into get a validator when they have something to check.
   */
  private static List<RecordModel> records(List<ActionModel> actions, List<EventModel> events,
      RecordCatalog catalog) {
    List<ClassName> payloads = actions.stream().map(ActionModel::payload).filter(p -> p != null).distinct().toList();
    Set<ClassName> roots = new LinkedHashSet<>(payloads);
    events.forEach(e -> roots.add(e.record()));
    for (ActionModel action : actions) {
      if (action.result().kind() == ResultModel.Kind.CODEC) {
        RecordCatalog.collectRecords(action.result().codec(), roots);
      }
    }
    Map<ClassName, RecordModel> byName = new TreeMap<>();
    for (ClassName name : catalog.reachable(List.copyOf(roots))) {
      byName.put(name, catalog.info(name).model());
    }
    Set<ClassName> validated = validated(payloads, byName);
    List<RecordModel> records = new ArrayList<>();
    for (RecordModel record : byName.values()) {
      records.add(record.withValidated(validated.contains(record.name())));
    }
    return records;
  }

  /**
   * Records that get a validator: reachable from a payload through {@code @Valid} components, and with a
   * constraint of their own or a cascade into such a record (a fixpoint, since records may be recursive).
   */
  private static Set<ClassName> validated(List<ClassName> payloads, Map<ClassName, RecordModel> records) {
    Set<ClassName> reachable = new LinkedHashSet<>(payloads);
    List<ClassName> queue = new ArrayList<>(payloads);
    Map<ClassName, Set<ClassName>> cascades = new HashMap<>();
    for (int i = 0; i < queue.size(); i++) {
      RecordModel record = records.get(queue.get(i));
      Set<ClassName> targets = new LinkedHashSet<>();
      for (ComponentModel component : record.components()) {
        if (component.cascade()) {
          RecordCatalog.collectRecords(component.type(), targets);
        }
      }
      cascades.put(record.name(), targets);
      for (ClassName target : targets) {
        if (reachable.add(target)) {
          queue.add(target);
        }
      }
    }
    Set<ClassName> validated = new HashSet<>();
    for (ClassName name : reachable) {
      if (records.get(name).hasConstraints()) {
        validated.add(name);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ClassName name : reachable) {
        if (!validated.contains(name) && cascades.get(name).stream().anyMatch(validated::contains)) {
          validated.add(name);
          changed = true;
        }
      }
    }
    return validated;
  }

  private static List<EnumModel> enums(List<RecordModel> records, List<ActionModel> actions, RecordCatalog catalog) {
    Set<ClassName> names = new TreeSet<>();
    for (RecordModel record : records) {
      for (ComponentModel component : record.components()) {
        RecordCatalog.collectEnums(component.type(), names);
      }
    }
    for (ActionModel action : actions) {
      if (action.result().kind() == ResultModel.Kind.CODEC) {
        RecordCatalog.collectEnums(action.result().codec(), names);
      }
    }
    return names.stream().map(catalog::enumModel).toList();
  }

  private boolean lambdaLibrariesPresent() {
    for (String type : LAMBDA_TYPES) {
      if (elements.getTypeElement(type) == null) {
        return false;
      }
    }
    return true;
  }
}
