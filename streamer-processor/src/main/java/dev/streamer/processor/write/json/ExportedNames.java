package dev.streamer.processor.write.json;

import dev.streamer.core.protocol.CancelOutcome;
import com.palantir.javapoet.ClassName;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names of the application's records and enums outside Java: AsyncAPI component schemas and TypeScript types. A
 * type is named by its simple name ({@code Outer.Inner} → {@code Outer_Inner}); when two types share that name, or
 * it is one the typings already use ({@link #RESERVED}, {@code <App>Client}), by its qualified name with underscores
 * ({@code com_example_shop_Item}). Characters outside {@code [A-Za-z0-9_]} become {@code _}.
 */
public final class ExportedNames {

  /** Names of the client module's own types and the TypeScript built-ins it uses. */
  static final Set<String> RESERVED = Set.of(
      "StreamerClient", "StreamerError", "ErrorCode", "RetryInfo", "ErrorBody", "ProgressUpdate", "RequestOptions",
      "ClientOptions", "ReconnectOptions", "WebSocketConstructor", "RequestRef", "RequestStatus", "RequestStatusName",
      "CancelResult", "CancelOutcome", "Actions", "ActionName", "ACTIONS", "ERROR_CODES", "Events", "EventName",
      "EVENTS",
      "Array", "Boolean", "Date", "Error", "Map", "Number", "Object", "Partial", "Promise", "Readonly", "Record", "Set",
      "String", "Symbol", "WebSocket");

  private final Map<ClassName, String> names = new HashMap<>();

  public ExportedNames(AppModel app) {
    List<ClassName> types = new ArrayList<>();
    app.records().stream().map(RecordModel::name).forEach(types::add);
    app.enums().stream().map(EnumModel::name).forEach(types::add);
    Set<String> reserved = new HashSet<>(RESERVED);
    reserved.add(app.name() + "Client");
    Map<String, Integer> uses = new HashMap<>();
    for (ClassName type : types) {
      uses.merge(simple(type), 1, Integer::sum);
    }
    for (ClassName type : types) {
      String simple = simple(type);
      names.put(type, uses.get(simple) == 1 && !reserved.contains(simple) ? simple : qualified(type));
    }
  }

  /** The exported name of a record or enum of the model. */
  public String of(ClassName type) {
    String name = names.get(type);
    if (name == null) {
      throw new IllegalArgumentException("not a record or enum of the model: " + type);
    }
    return name;
  }

  private static String simple(ClassName type) {
    return sanitize(String.join("_", type.simpleNames()));
  }

  private static String qualified(ClassName type) {
    String packagePart = type.packageName().isEmpty() ? "default" : type.packageName().replace('.', '_');
    return sanitize(packagePart + "_" + String.join("_", type.simpleNames()));
  }

  private static String sanitize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      sb.append(ok ? c : '_');
    }
    return sb.toString();
  }
}
