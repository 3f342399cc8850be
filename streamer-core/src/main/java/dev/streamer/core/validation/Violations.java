package dev.streamer.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects the violations of one validation run: counts every one, keeps the first {@value #MAX_REPORTED} for the
 * reply (a payload of 128 KiB can hold tens of thousands of invalid list items, whose every violation would make a
 * reply of megabytes, over API Gateway's 128 KiB message limit). Not thread-safe.
 */
public final class Violations {

  /** Violations kept for the client's reply; {@link #count()} counts the others too. */
  public static final int MAX_REPORTED = 100;

  private List<Violation> list;
  private int count;

  public void add(String path, String constraint, String message) {
    if (list == null) {
      list = new ArrayList<>(4);
    }
    count++;
    if (list.size() < MAX_REPORTED) {
      list.add(new Violation(path, constraint, message));
    }
  }

  /** How many violations were added, those beyond {@value #MAX_REPORTED} included. */
  public int count() {
    return count;
  }

  public boolean isEmpty() {
    return list == null;
  }

  /** The first {@value #MAX_REPORTED} violations, in the order they were added. */
  public List<Violation> list() {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }
}
