package dev.streamer.processor.model;

import java.util.List;

/**
 * One record component.
 *
 * @param name        component name (also the JSON field name)
 * @param type        its type
 * @param constraints constraints in a stable order (by kind)
 * @param cascade     {@code @Valid}: validate the nested record(s) too
 * @param elements    constraints on the values of a container ({@code List<@NotNull Item>}), else {@link ElementModel#NONE}
 */
public record ComponentModel(
    String name, TypeRef type, List<ConstraintModel> constraints, boolean cascade, ElementModel elements) {

  public ComponentModel {
    constraints = List.copyOf(constraints);
    elements = elements == null ? ElementModel.NONE : elements;
  }

  public ComponentModel(String name, TypeRef type, List<ConstraintModel> constraints, boolean cascade) {
    this(name, type, constraints, cascade, ElementModel.NONE);
  }

  /** Whether it has a constraint of its own or on its values. */
  public boolean hasConstraints() {
    return !constraints.isEmpty() || !elements.isEmpty();
  }
}
