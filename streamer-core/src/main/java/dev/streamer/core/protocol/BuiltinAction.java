package dev.streamer.core.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions every deployment answers besides the application's own, each with payload {@code {"requestId": "…"}}
 * (the {@code requestId} of an {@code ack}). Their names are reserved: no {@code @Action} may use them.
 */
public enum BuiltinAction {
  /** Status, progress and, once finished, the result or error of one of the caller's requests. */
  STATUS(BuiltinAction.STATUS_NAME, "Status, progress and result of one of your requests"),
  /** The rest of one of the caller's requests (progress, outcome) goes to this connection. */
  SUBSCRIBE(BuiltinAction.SUBSCRIBE_NAME, "Receive the rest of one of your requests on this connection"),
  /** Cancels one of the caller's requests. */
  CANCEL(BuiltinAction.CANCEL_NAME, "Cancel one of your requests");

  // The names as compile-time constants, which javac copies into the code that reads them: a check of the names
  // alone (a function's start-up refusing an application action named like a built-in) does not load this enum.
  /** {@link #STATUS}'s action name. */
  public static final String STATUS_NAME = "status";
  /** {@link #SUBSCRIBE}'s action name. */
  public static final String SUBSCRIBE_NAME = "subscribe";
  /** {@link #CANCEL}'s action name. */
  public static final String CANCEL_NAME = "cancel";

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
