package dev.streamer.core.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions every deployment answers besides the application's own, each with payload {@code {"requestId": "…"}}
 * (the {@code requestId} of an {@code ack}). Their names are reserved: no {@code @Action} may use them.
 */
public enum BuiltinAction {
  /** Status, progress and, once finished, the result or error of one of the caller's requests. */
  STATUS("status", "Status, progress and result of one of your requests"),
  /** The rest of one of the caller's requests (progress, outcome) goes to this connection. */
  SUBSCRIBE("subscribe", "Receive the rest of one of your requests on this connection"),
  /** Cancels one of the caller's requests. */
  CANCEL("cancel", "Cancel one of your requests");

  private static final List<String> NAMES = actionNames();

  private static List<String> actionNames() {
    // a loop, not a stream: this runs in every cold start, where streams load ~30 classes
    List<String> names = new ArrayList<>();
    for (BuiltinAction action : values()) {
      names.add(action.actionName);
    }
    return List.copyOf(names);
  }

  private final String actionName;
  private final String description;

  BuiltinAction(String actionName, String description) {
    this.actionName = actionName;
    this.description = description;
  }

  /** The action name on the wire: {@code status}. */
  public String actionName() {
    return actionName;
  }

  /** One line for documents (AsyncAPI, typings). */
  public String description() {
    return description;
  }

  /** Every built-in action name, in declaration order. */
  public static List<String> names() {
    return NAMES;
  }

  /** True when {@code action} is a built-in (reserved) name. */
  public static boolean isBuiltin(String action) {
    return NAMES.contains(action);
  }
}
