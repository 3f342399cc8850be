package dev.streamer.samples;

/** Result of {@code echo}: the message back, and who the server thinks sent it. */
public record EchoResult(String message, String userId, String tenantId) {}
