package dev.streamer.samples;

import dev.streamer.core.routing.Interceptor;
import dev.streamer.core.routing.Invocation;
import dev.streamer.core.routing.Phase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * An interceptor that counts every action run per phase ({@code SYNC}, {@code ENQUEUE}, {@code ASYNC}) and its
 * failures, and writes one audit line per failure: middleware compiled into the app, installed by
 * {@link SampleHandlerFactory#interceptors()}. A real app would hand the counts to its metrics library.
 */
public final class ActionMetrics implements Interceptor {

  private final Map<String, LongAdder> runs = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  @Override
  public Object intercept(Invocation invocation) throws Exception {
    String key = key(invocation.phase(), invocation.action());
    runs.computeIfAbsent(key, k -> new LongAdder()).increment();
    try {
      return invocation.proceed();
    } catch (Exception e) {
      failures.computeIfAbsent(key, k -> new LongAdder()).increment();
      System.out.println("{\"audit\":\"action failed\",\"action\":\"" + invocation.action() + "\",\"phase\":\""
          + invocation.phase() + "\",\"user\":\"" + invocation.context().userId() + "\"}");
      throw e;
    }
  }

  /** How often {@code action} ran in {@code phase} (the enqueue of an async request counts as ENQUEUE). */
  public long runs(Phase phase, String action) {
    LongAdder n = runs.get(key(phase, action));
    return n == null ? 0 : n.sum();
  }

  /** How often it failed there. */
  public long failures(Phase phase, String action) {
    LongAdder n = failures.get(key(phase, action));
    return n == null ? 0 : n.sum();
  }

  private static String key(Phase phase, String action) {
    // String.concat, not +: since Java 9, + compiles to invokedynamic, whose first run spins some twenty
    // method-handle classes (a cold-start cost on Lambda, README "Cold start")
    return phase.name().concat(" ").concat(action);
  }
}
