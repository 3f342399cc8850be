package dev.streamer.test.quotes;

/** The total of a batch, and how many skus it covers (fewer than asked when cancelled). */
public record BatchQuote(int count, long totalCents) {}
