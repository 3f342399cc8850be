package dev.streamer.processor.model;

import java.util.List;

/**
 * Constraints on the values inside a container component, written on its type argument: the elements of a
 * {@code List<@NotNull Item>} or {@code Set}, the value of an {@code Optional<@Pattern(…) String>}, the values of a
 * {@code Map<String, @Positive Integer>}. Nested containers nest ({@code List<List<@NotBlank String>>}).
 *
 * @param constraints constraints on each value, in a stable order (by kind)
 * @param elements    constraints one container level further in, never null
 */
public record ElementModel(List<ConstraintModel> constraints, ElementModel elements) {

  /** No constraint at any level. */
  public static final ElementModel NONE = new ElementModel(List.of(), null);

  public ElementModel {
    constraints = List.copyOf(constraints);
  }

  /** The next level in; {@link #NONE} past the last. */
  @Override
  public ElementModel elements() {
    return elements == null ? NONE : elements;
  }

  /** Whether no level has a constraint. */
  public boolean isEmpty() {
    return constraints.isEmpty() && (elements == null || elements.isEmpty());
  }
}
