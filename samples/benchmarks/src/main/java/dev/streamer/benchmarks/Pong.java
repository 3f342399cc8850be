package dev.streamer.benchmarks;

/** Result of {@code ping}. */
public record Pong(String message, int sequence) {}
