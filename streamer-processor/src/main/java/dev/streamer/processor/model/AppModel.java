package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Everything generated for one compilation unit set: the whole input of the writers. Lists are sorted (handlers
 * and records by class name, actions by action name) so output is deterministic.
 *
 * @param name            application name ({@code -Astreamer.app}), the prefix of generated app types
 * @param packageName     package of the app-level generated types
 * @param thresholdMillis async threshold
 * @param handlers        handler classes
 * @param actions         actions
 * @param records         records with generated codecs
 * @param enums           enums with generated codecs
 * @param factory         the {@code @HandlerFactory} class, or null
 * @param lambdaHandlers  whether the AWS Lambda libraries are on the classpath (generate the Lambda handler classes)
 * @param provided        codecs and validators already on the class path for records and enums that are not
 *                        sources of this compilation (a library built with Streamer): used, not generated again
 */
public record AppModel(
    String name,
    String packageName,
    long thresholdMillis,
    List<HandlerModel> handlers,
    List<ActionModel> actions,
    List<RecordModel> records,
    List<EnumModel> enums,
    TypeElement factory,
    boolean lambdaHandlers,
    Set<ClassName> provided) {

  public AppModel {
    provided = Set.copyOf(provided);
    handlers = List.copyOf(handlers);
    actions = List.copyOf(actions);
    records = List.copyOf(records);
    enums = List.copyOf(enums);
  }

  public AppModel(String name, String packageName, long thresholdMillis, List<HandlerModel> handlers,
      List<ActionModel> actions, List<RecordModel> records, List<EnumModel> enums, TypeElement factory,
      boolean lambdaHandlers) {
    this(name, packageName, thresholdMillis, handlers, actions, records, enums, factory, lambdaHandlers, Set.of());
  }

  /** Whether {@code generated} (a codec or validator) is on the class path already, so is not generated. */
  public boolean isProvided(ClassName generated) {
    return provided.contains(generated);
  }

  public Optional<RecordModel> record(ClassName recordName) {
    return records.stream().filter(r -> r.name().equals(recordName)).findFirst();
  }

  /** Whether {@code recordName} has a generated validator. */
  public boolean validated(ClassName recordName) {
    return record(recordName).map(RecordModel::validated).orElse(false);
  }

  public ClassName appType(String suffix) {
    return ClassName.get(packageName, name + suffix);
  }

  public ClassName factoryName() {
    return factory == null ? null : ClassName.get(factory);
  }

  /** Whether {@code <App>RouteTable.create()} exists: every handler has a default or a factory supplies them. */
  public boolean hasDefaultCreate() {
    return factory != null || handlers.stream().allMatch(HandlerModel::defaultConstructible);
  }

  public AppModel withActions(List<ActionModel> filtered) {
    return new AppModel(name, packageName, thresholdMillis, handlers, filtered, records, enums, factory, lambdaHandlers,
        provided);
  }
}
