package dev.streamer.runtime.aws.tables;

import java.util.List;
import java.util.Objects;

/**
 * A global secondary index.
 *
 * @param name             index name
 * @param partitionKey     hash key
 * @param sortKey          range key, or null
 * @param projection       which attributes the index holds
 * @param nonKeyAttributes attributes projected besides the keys when {@code projection} is INCLUDE, else empty
 */
public record IndexDefinition(
    String name, KeyAttribute partitionKey, KeyAttribute sortKey, Projection projection, List<String> nonKeyAttributes) {

  /** Projection types, as DynamoDB names them. */
  public enum Projection {
    ALL,
    KEYS_ONLY,
    INCLUDE
  }

  public IndexDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(projection, "projection");
    nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    if ((projection == Projection.INCLUDE) == nonKeyAttributes.isEmpty()) {
      throw new IllegalArgumentException("non-key attributes are required for INCLUDE and only for INCLUDE: " + name);
    }
  }

  public static IndexDefinition all(String name, KeyAttribute partitionKey, KeyAttribute sortKey) {
    return new IndexDefinition(name, partitionKey, sortKey, Projection.ALL, List.of());
  }

  public static IndexDefinition include(
      String name, KeyAttribute partitionKey, KeyAttribute sortKey, List<String> nonKeyAttributes) {
    return new IndexDefinition(name, partitionKey, sortKey, Projection.INCLUDE, nonKeyAttributes);
  }
}
