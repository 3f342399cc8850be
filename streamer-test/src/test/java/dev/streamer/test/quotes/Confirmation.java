package dev.streamer.test.quotes;

/** The supplier's confirmation, after {@code attempts} tries. */
public record Confirmation(String sku, int quantity, int attempts) {}
