package ${package};

/** How many primes there are up to {@code checkedUpTo} (below the limit asked for when the caller cancelled). */
public record PrimeCount(int checkedUpTo, int count) {}
