package dev.streamer.processor.model;

import java.util.List;

/**
 * One record component.
 *
 * @param name        component name (also the JSON field name)
 * @param type        its type
 * @param constraints constraints in a stable order (by kind)
 * @param cascade     {@code @Valid}: validate the nested record(s) too
 */
public record ComponentModel(String name, TypeRef type, List<ConstraintModel> constraints, boolean cascade) {
  public ComponentModel {
    constraints = List.copyOf(constraints);
  }
}
