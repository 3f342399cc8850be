package dev.streamer.test.quotes;

/** A quoted price, in cents, for the user who asked. */
public record Price(String sku, int quantity, long totalCents, String quotedFor) {}
