package dev.streamer.test.unit;

/**
 * One call of {@link dev.streamer.core.Progress#report}, as the action made it.
 *
 * @param fraction what the action passed (not clamped: a test should see an out-of-range value)
 * @param message  the message, or null
 */
public record ProgressReport(double fraction, String message) {}
