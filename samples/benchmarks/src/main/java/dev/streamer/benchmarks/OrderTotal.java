package dev.streamer.benchmarks;

import java.math.BigDecimal;

/** Result of {@code place_order}. */
public record OrderTotal(String customerId, int lines, BigDecimal total) {}
