package ${package};

import dev.streamer.annotations.Max;
import dev.streamer.annotations.Min;

/** The payload of {@code count_primes}: count the primes from 2 to {@code limit}. */
public record PrimesRequest(@Min(2) @Max(20_000_000) int limit) {}
