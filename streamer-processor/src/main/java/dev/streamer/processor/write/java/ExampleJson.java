package dev.streamer.processor.write.java;

import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.TypeRef;
import java.util.HashSet;
import java.util.Set;
import dev.streamer.processor.write.json.JsonPrinter;

/**
 * A minimal JSON value of a model type that the generated codec reads: every record component present (zero, false,
 * empty string, the first enum constant, empty containers, epoch or zero scalars; a record nested in itself is null).
 * Used for SnapStart priming: it exercises decode, validate and encode; it need not be valid.
 */
final class ExampleJson {

  private final AppModel app;
  private final Set<String> open = new HashSet<>();
  private final StringBuilder out = new StringBuilder();

  private ExampleJson(AppModel app) {
    this.app = app;
  }

  static String of(AppModel app, TypeRef type) {
    ExampleJson example = new ExampleJson(app);
    example.value(type);
    return example.out.toString();
  }

  private void value(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      out.append(switch (p.kind()) {
        case BOOLEAN -> "false";
        case CHAR -> "\"a\"";
        default -> "0";
      });
    } else if (type instanceof TypeRef.Box b) {
      out.append(switch (b.kind()) {
        case BOOLEAN -> "false";
        case CHAR -> "\"a\"";
        default -> "0";
      });
    } else if (type instanceof TypeRef.Text) {
      out.append("\"\"");
    } else if (type instanceof TypeRef.Scalar s) {
      out.append(switch (s.kind()) {
        case BIG_DECIMAL, BIG_INTEGER -> "0";
        case UUID -> "\"00000000-0000-0000-0000-000000000000\"";
        case INSTANT, OFFSET_DATE_TIME -> "\"1970-01-01T00:00:00Z\"";
        case LOCAL_DATE -> "\"1970-01-01\"";
        case DURATION -> "\"PT0S\"";
      });
    } else if (type instanceof TypeRef.EnumRef e) {
      EnumModel model = app.enums().stream().filter(m -> m.name().equals(e.name())).findFirst().orElse(null);
      out.append(model == null || model.constants().isEmpty() ? "null"
          : JsonPrinter.quote(model.constants().get(0)));
    } else if (type instanceof TypeRef.ListRef || type instanceof TypeRef.SetRef
        || type instanceof TypeRef.ArrayRef) {
      out.append("[]");
    } else if (type instanceof TypeRef.MapRef) {
      out.append("{}");
    } else if (type instanceof TypeRef.RecordRef r) {
      record(r);
    } else {
      out.append("null"); // Optional, Any
    }
  }

  private void record(TypeRef.RecordRef ref) {
    RecordModel model = app.record(ref.name()).orElse(null);
    if (model == null || !open.add(ref.name().canonicalName())) {
      out.append("null"); // unknown, or nested in itself
      return;
    }
    out.append('{');
    boolean first = true;
    for (ComponentModel component : model.components()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(JsonPrinter.quote(component.name())).append(':');
      value(component.type());
    }
    out.append('}');
    open.remove(ref.name().canonicalName());
  }
}
