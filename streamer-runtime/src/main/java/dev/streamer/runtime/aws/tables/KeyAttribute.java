package dev.streamer.runtime.aws.tables;

import java.util.Objects;

/**
 * A key attribute of a table or index.
 *
 * @param name attribute name
 * @param type scalar type of the attribute
 */
public record KeyAttribute(String name, ScalarType type) {

  /** DynamoDB scalar types usable in keys. */
  public enum ScalarType {
    /** String. */
    S,
    /** Number. */
    N
  }

  public KeyAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static KeyAttribute string(String name) {
    return new KeyAttribute(name, ScalarType.S);
  }

  public static KeyAttribute number(String name) {
    return new KeyAttribute(name, ScalarType.N);
  }
}
