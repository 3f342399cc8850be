package dev.streamer.benchmarks;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A payload with the constraints that cost the most on hostile input (issue 10, case 7): patterns that backtrack
 * catastrophically with java.util.regex, a length check in front of one, and an address whose domain makes
 * {@code java.net.IDN} work hard.
 */
public record Hostile(
    @Pattern(regexp = "[a-z]*a[a-z]*a[a-z]*b") String cubic,
    @Size(max = 64) @Pattern(regexp = "[a-z]*a[a-z]*a[a-z]*b") String sized,
    @Pattern(regexp = "(a|aa)+c") String alternation,
    @Pattern(regexp = "(\\w+\\s?)*") String words,
    @Pattern(regexp = "(a*)*\\1b") String backreference,
    @Email String email) {}
