package dev.streamer.core.validation;

/**
 * One broken constraint.
 *
 * @param path       JSON path of the value, such as {@code items[2].quantity}
 * @param constraint constraint name, such as {@code NotBlank} or {@code Min}
 * @param message    human-readable message
 */
public record Violation(String path, String constraint, String message) {}
