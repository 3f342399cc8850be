package dev.streamer.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every violation of one validation run; not thread-safe. */
public final class Violations {
  private List<Violation> list;

  public void add(String path, String constraint, String message) {
    if (list == null) {
      list = new ArrayList<>(4);
    }
    list.add(new Violation(path, constraint, message));
  }

  public boolean isEmpty() {
    return list == null;
  }

  public List<Violation> list() {
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }
}
