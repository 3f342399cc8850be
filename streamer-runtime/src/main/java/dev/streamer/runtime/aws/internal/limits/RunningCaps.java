package dev.streamer.runtime.aws.internal.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How many of one tenant's queued jobs may run at once, from {@value #ENV}: {@code <n>} for all of a tenant's
 * jobs together, optionally followed by {@code <action>=<n>} entries, comma-separated, for actions counted on
 * their own ({@code 2, generate_report=1}: at most one report and two other jobs of each tenant at once). Unset,
 * blank or {@code 0}: no cap.
 *
 * @param perTenant cap of a tenant's jobs of the actions not named, 0 for none
 * @param perAction caps of the named actions, each counted in a set of its own
 */
public record RunningCaps(int perTenant, Map<String, Integer> perAction) {

  public static final String ENV = "MAX_RUNNING_PER_TENANT";
  public static final RunningCaps NONE = new RunningCaps(0, Map.of());

  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9_]*");

  public RunningCaps {
    perAction = Map.copyOf(perAction);
    if (perTenant < 0) {
      throw new IllegalArgumentException(ENV + ": caps must not be negative");
    }
    // loops, not streams, and none over an empty map (whose values() view is two classes more): this runs in every
    // cold start
    if (!perAction.isEmpty()) {
      for (int cap : perAction.values()) {
        if (cap < 0) {
          throw new IllegalArgumentException(ENV + ": caps must not be negative");
        }
      }
    }
  }

  public static RunningCaps fromEnvironment(Map<String, String> env) {
    return parse(env.get(ENV));
  }

  /** Parses the {@value #ENV} grammar; throws {@link IllegalArgumentException} naming the variable. */
  public static RunningCaps parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    int perTenant = 0;
    Map<String, Integer> perAction = new LinkedHashMap<>();
    String[] entries = text.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      int equals = entry.indexOf('=');
      if (equals < 0) {
        if (i != 0) {
          throw new IllegalArgumentException(ENV + ": '" + entry + "': only the first entry may be a bare cap");
        }
        perTenant = number(entry);
        continue;
      }
      String action = entry.substring(0, equals).strip();
      if (!ACTION.matcher(action).matches()) {
        throw new IllegalArgumentException(ENV + ": '" + entry + "': '" + action + "' is not an action name");
      }
      if (perAction.put(action, number(entry.substring(equals + 1).strip())) != null) {
        throw new IllegalArgumentException(ENV + ": '" + entry + "': set twice");
      }
    }
    return new RunningCaps(perTenant, perAction);
  }

  /** The cap that applies to {@code action}, 0 for none. */
  public int capOf(String action) {
    return perAction.getOrDefault(action, perTenant);
  }

  /**
   * The key of the set a job of {@code action} of {@code tenantId} counts in: {@code slots:running:*:<tenant>}, or
   * {@code slots:running:<action>:<tenant>} for an action with a cap of its own (action names hold no colon).
   */
  public String setOf(String tenantId, String action) {
    return "slots:running:" + (perAction.containsKey(action) ? action : "*") + ":" + tenantId;
  }

  public boolean isEmpty() {
    if (perTenant != 0) {
      return false;
    }
    for (int cap : perAction.values()) {
      if (cap != 0) {
        return false;
      }
    }
    return true;
  }

  private static int number(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(ENV + ": '" + text + "' is not a non-negative integer");
    }
  }
}
