package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * An enum used by a codec.
 *
 * @param name      the enum
 * @param constants constant names in declaration order
 * @param element   source element (originating element of the generated codec)
 */
public record EnumModel(ClassName name, List<String> constants, TypeElement element) {
  public EnumModel {
    constants = List.copyOf(constants);
  }
}
