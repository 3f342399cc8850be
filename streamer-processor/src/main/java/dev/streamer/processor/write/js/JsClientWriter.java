package dev.streamer.processor.write.js;

import dev.streamer.core.protocol.BuiltinAction;
import dev.streamer.core.protocol.CancelOutcome;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.EventModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.streamer.processor.write.json.WireProtocol;
import dev.streamer.processor.write.json.JsonPrinter;
import dev.streamer.processor.write.json.ExportedNames;

/**
 * Writes the application's JavaScript client: a dependency-free ES module ({@code <app>-client.js}) and its
 * typings ({@code <app>-client.d.ts}). Each is the same runtime ({@code client-runtime.js}/{@code .d.ts}, resources
 * next to this class) between a generated head (error codes, limits) and a generated tail: the action table, the
 * record and enum types, and {@code <App>Client extends StreamerClient} with one method per action
 * ({@code generate_report} → {@code generateReport(payload, options)}).
 */
public final class JsClientWriter {

  /** Members of StreamerClient and Object.prototype that an action's method must not replace. */
  private static final Set<String> TAKEN_MEMBERS = Set.of("constructor", "connect", "request", "requestUntyped",
      "status", "cancel", "close", "on", "connected", "connectionCount", "inFlight", "toString", "toLocaleString",
      "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable");

  private final AppModel app;
  private final String clientClass;
  private final TypeScriptTypes types;

  private JsClientWriter(AppModel app) {
    this.app = app;
    this.clientClass = app.name() + "Client";
    this.types = new TypeScriptTypes(new ExportedNames(app));
  }

  public static String module(AppModel app) {
    return new JsClientWriter(app).module();
  }

  public static String typings(AppModel app) {
    return new JsClientWriter(app).typings();
  }

  /** {@code generate_report} → {@code generateReport}; a name StreamerClient already uses gets {@code Action} appended. */
  static String methodName(String action) {
    String pascal = Naming.pascal(action);
    String camel = Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    return TAKEN_MEMBERS.contains(camel) ? camel + "Action" : camel;
  }

  private String module() {
    StringBuilder out = new StringBuilder(32_000);
    out.append(header("JavaScript client")).append('\n')
        .append("/** The error codes of the wire protocol. */\n")
        .append("export const ERROR_CODES = Object.freeze(").append(array(WireProtocol.ERROR_CODES)).append(");\n")
        .append("const RETRYABLE_ERROR_CODES = Object.freeze(").append(array(WireProtocol.RETRYABLE_ERROR_CODES))
        .append(");\n")
        .append("/**\n * Largest message a browser can send, in UTF-8 bytes: a browser sends each message as one WebSocket frame,\n"
            + " * and API Gateway closes the connection (1009) on a frame over 32 KB.\n */\n")
        .append("const MAX_FRAME_BYTES = ").append(WireProtocol.MAX_FRAME_BYTES).append(";\n")
        .append("/** Longest WebSocket URL API Gateway accepts, in characters, query (and so a token in it) included. */\n")
        .append("const MAX_URL_CHARS = ").append(WireProtocol.MAX_URL_CHARS).append(";\n")
        .append("/** API Gateway closes a connection idle this long, in ms; the heartbeat comes at half of it. */\n")
        .append("const IDLE_TIMEOUT_MS = ").append(WireProtocol.IDLE_TIMEOUT_SECONDS * 1000L).append(";\n\n")
        .append(resource("client-runtime.js")).append('\n');

    out.append("// ").append("-".repeat(111)).append("\n// Application ").append(app.name()).append('\n')
        .append("// ").append("-".repeat(111)).append("\n\n")
        .append("/** The application's actions: sync, async or queueWhen (decided per request), and whether they take"
            + " a payload. */\n")
        .append("export const ACTIONS = Object.freeze({\n");
    for (ActionModel action : app.actions()) {
      out.append("  ").append(JsonPrinter.quote(action.name())).append(": Object.freeze({ mode: ")
          .append(JsonPrinter.quote(mode(action))).append(", payload: ").append(action.hasPayload()).append(" }),\n");
    }
    out.append("});\n\n")
        .append("/** The application's server events, for client.on(event, listener). */\n")
        .append("export const EVENTS = Object.freeze(")
        .append(array(app.events().stream().map(EventModel::name).toList())).append(");\n\n")
        .append("/** Client of the Streamer application ").append(app.name())
        .append(", with one method per action. */\n")
        .append("export class ").append(clientClass).append(" extends StreamerClient {\n");
    boolean first = true;
    for (ActionModel action : app.actions()) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      out.append(doc(action, "  "));
      String method = methodName(action.name());
      if (action.hasPayload()) {
        out.append("  ").append(method).append("(payload, options) {\n")
            .append("    return this.request(").append(JsonPrinter.quote(action.name())).append(", payload, options);\n");
      } else {
        out.append("  ").append(method).append("(options) {\n")
            .append("    return this.request(").append(JsonPrinter.quote(action.name()))
            .append(", undefined, options);\n");
      }
      out.append("  }\n");
    }
    out.append("}\n\nexport default ").append(clientClass).append(";\n");
    return out.toString();
  }

  private String typings() {
    StringBuilder out = new StringBuilder(16_000);
    out.append(header("TypeScript typings of the JavaScript client")).append('\n')
        .append("export type ErrorCode = ").append(union(WireProtocol.ERROR_CODES)).append(";\n")
        .append("export declare const ERROR_CODES: readonly ErrorCode[];\n")
        .append("export type RequestStatusName = ").append(union(WireProtocol.REQUEST_STATUSES)).append(";\n")
        .append("export type CancelOutcome = ").append(union(WireProtocol.CANCEL_OUTCOMES)).append(";\n\n")
        .append(resource("client-runtime.d.ts")).append('\n');

    out.append("// ").append("-".repeat(111)).append("\n// Application ").append(app.name()).append('\n')
        .append("// ").append("-".repeat(111)).append('\n');
    for (RecordModel record : app.records()) {
      out.append('\n').append(types.record(record));
    }
    for (EnumModel e : app.enums()) {
      out.append('\n').append(types.enumeration(e));
    }
    out.append("\n/** Payload and result of every action, the built-ins included. */\n")
        .append("export interface Actions {\n");
    for (ActionModel action : app.actions()) {
      out.append("  ").append(JsonPrinter.quote(action.name())).append(": { payload: ").append(payloadType(action))
          .append("; result: ").append(types.result(action.result())).append(" };\n");
    }
    for (BuiltinAction builtin : WireProtocol.BUILTINS) {
      out.append("  ").append(JsonPrinter.quote(builtin.actionName())).append(": { payload: RequestRef; result: ")
          .append(builtin == BuiltinAction.CANCEL ? "CancelResult" : "RequestStatus").append(" };\n");
    }
    out.append("}\n\n")
        .append("export type ActionName = keyof Actions;\n\n")
        .append("/** The data of every server event, by event name. */\n")
        .append("export interface Events {\n");
    for (EventModel event : app.events()) {
      out.append("  ").append(JsonPrinter.quote(event.name())).append(": ")
          .append(types.type(new TypeRef.RecordRef(event.record()))).append(";\n");
    }
    out.append("}\n\n")
        .append("export type EventName = keyof Events;\n\n")
        .append("export declare const EVENTS: readonly EventName[];\n\n")
        .append("export declare const ACTIONS: Readonly<Record<")
        .append(app.actions().isEmpty() ? "never" : union(app.actions().stream().map(ActionModel::name).toList()))
        .append(", { readonly mode: \"sync\" | \"async\" | \"queueWhen\"; readonly payload: boolean }>>;\n\n")
        .append("/** Client of the Streamer application ").append(app.name())
        .append(", with one method per action. */\n")
        .append("export declare class ").append(clientClass).append(" extends StreamerClient {\n")
        .append("  request<A extends ActionName>(action: A, payload: Actions[A][\"payload\"], options?: RequestOptions):"
            + " Promise<Actions[A][\"result\"]>;\n")
        .append("  /** Calls listener with the data of every event named event; returns a function that stops it. */\n")
        .append("  on<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void;\n");
    for (ActionModel action : app.actions()) {
      out.append(doc(action, "  ")).append("  ").append(methodName(action.name()))
          .append(action.hasPayload() ? "(payload: " + payloadType(action) + ", options?: RequestOptions)"
              : "(options?: RequestOptions)")
          .append(": Promise<").append(types.result(action.result())).append(">;\n");
    }
    out.append("}\n\nexport default ").append(clientClass).append(";\n");
    return out.toString();
  }

  private String payloadType(ActionModel action) {
    return action.hasPayload() ? types.type(new TypeRef.RecordRef(action.payload())) : "undefined";
  }

  private static String mode(ActionModel action) {
    return action.queueWhen() != null ? "queueWhen" : action.async() ? "async" : "sync";
  }

  private String header(String what) {
    return "// " + what + " of the Streamer application " + app.name() + ".\n"
        + "// Generated by dev.streamer.processor.StreamerProcessor from the application's @Action methods: do not"
        + " edit.\n";
  }

  private static String doc(ActionModel action, String indent) {
    StringBuilder text = new StringBuilder("`" + action.name() + "`");
    String description = action.description().strip();
    if (!description.isEmpty()) {
      text.append(": ").append(description);
      if (!description.endsWith(".") && !description.endsWith("!") && !description.endsWith("?")) {
        text.append('.');
      }
    }
    text.append(switch (mode(action)) {
      case "async" -> " Queued: resolves with the result after the ack and progress.";
      case "queueWhen" -> " Queued or answered at once, as the payload decides.";
      default -> "";
    });
    String body = text.toString().replace("*/", "*\\/").replace("\r", "");
    return indent + "/** " + body.replace("\n", "\n" + indent + " * ") + " */\n";
  }

  private static String array(List<String> values) {
    return values.stream().map(JsonPrinter::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String union(List<String> values) {
    return values.stream().map(JsonPrinter::quote).collect(Collectors.joining(" | "));
  }

  private static String resource(String name) {
    try (InputStream in = JsClientWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing processor resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
