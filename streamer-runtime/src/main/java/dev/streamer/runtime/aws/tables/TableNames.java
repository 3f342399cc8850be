package dev.streamer.runtime.aws.tables;

import java.util.Objects;

/**
 * Physical names of the two tables in one deployment.
 *
 * @param requests    requests table (queue and results)
 * @param connections connections table
 */
public record TableNames(String requests, String connections) {

  public static final String DEFAULT_REQUESTS = "streamer-requests";
  public static final String DEFAULT_CONNECTIONS = "streamer-connections";

  public TableNames {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(connections, "connections");
    if (requests.equals(connections)) {
      throw new IllegalArgumentException("the requests and connections tables must differ: " + requests);
    }
  }

  public static TableNames defaults() {
    return new TableNames(DEFAULT_REQUESTS, DEFAULT_CONNECTIONS);
  }

  /** The physical name of {@code table}. */
  public String nameOf(TableDefinition table) {
    return switch (table.logicalName()) {
      case StreamerTables.REQUESTS_LOGICAL -> requests;
      case StreamerTables.CONNECTIONS_LOGICAL -> connections;
      default -> throw new IllegalArgumentException("unknown table " + table.logicalName());
    };
  }
}
