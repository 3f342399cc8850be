package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A record with a generated codec ({@code <Record>Json}) and, when it has something to check, a validator.
 *
 * @param name       the record
 * @param components components in declaration order (the canonical constructor's order)
 * @param queueWhen  name of its {@code @QueueWhen} method, or null
 * @param validated  whether a {@code <Record>Validator} is generated (it has constraints or cascades into one that has)
 * @param element    source element (originating element of the generated files)
 */
public record RecordModel(
    ClassName name, List<ComponentModel> components, String queueWhen, boolean validated, TypeElement element) {

  public RecordModel {
    components = List.copyOf(components);
  }

  public RecordModel withValidated(boolean value) {
    return new RecordModel(name, components, queueWhen, value, element);
  }

  public boolean hasConstraints() {
    return components.stream().anyMatch(ComponentModel::hasConstraints);
  }
}
