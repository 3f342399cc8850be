package dev.streamer.core.validation;

/**
 * A JSON path built lazily: nodes are linked, and the text ({@code items[2].quantity}, {@code quantities[sku-1]})
 * is only made when a violation is reported. Immutable.
 */
public final class Path {
  private static final int FIELD = -1;
  private static final int KEY = -2;

  /** The payload itself. Renders as the empty string. */
  public static final Path ROOT = new Path(null, null, FIELD);

  private final Path parent;
  private final String field;
  private final int index; // FIELD, KEY, or an array index

  private Path(Path parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  public Path field(String name) {
    return new Path(this, name, FIELD);
  }

  public Path index(int i) {
    return new Path(this, null, i);
  }

  /** Map entries render as {@code name[key]}, the key as is. */
  public Path key(String key) {
    return new Path(this, key, KEY);
  }

  /** Text of a child field without allocating a node: {@code path.fieldText("x")}. */
  public String fieldText(String name) {
    String base = toString();
    return base.isEmpty() ? name : base + "." + name;
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    append(sb);
    return sb.toString();
  }

  private void append(StringBuilder sb) {
    if (parent == null) {
      return;
    }
    parent.append(sb);
    if (index == KEY) {
      sb.append('[').append(field).append(']');
    } else if (field != null) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(field);
    } else {
      sb.append('[').append(index).append(']');
    }
  }
}
