package ${package};

import dev.streamer.annotations.Action;
import dev.streamer.core.Progress;
import dev.streamer.core.RequestContext;

/**
 * The app's actions. Each public {@code @Action} method becomes an action on the WebSocket API, named in snake_case
 * ({@code countPrimes} is {@code count_primes}); its payload record's constraints are checked before it runs.
 */
public class Actions {

  /** Fast: answered at once on the caller's socket. */
  @Action(description = "Greets the caller by name.")
  public Greeting greet(GreetRequest request, RequestContext context) {
    return new Greeting("Hello, " + request.name() + "!", context.userId());
  }

  /**
   * Slow ({@code estimated} over the 5 s threshold): acknowledged at once, queued in DynamoDB and run by the stream
   * processor, which sends the progress reports and then the result to the caller.
   */
  @Action(estimated = "1m", description = "Counts the primes up to a limit, reporting progress.")
  public PrimeCount countPrimes(PrimesRequest request, Progress progress) {
    int limit = request.limit();
    int step = Math.max(1, limit / 100);
    int count = 0;
    int n = 2;
    for (; n <= limit; n++) {
      if (isPrime(n)) {
        count++;
      }
      if (n % step == 0) {
        if (progress.isCancelled()) {
          break;
        }
        progress.report((double) n / limit, "checked " + n + " of " + limit);
      }
    }
    return new PrimeCount(Math.min(n, limit), count);
  }

  static boolean isPrime(int n) {
    if (n < 4) {
      return n > 1;
    }
    if (n % 2 == 0) {
      return false;
    }
    for (int d = 3; (long) d * d <= n; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }
}
