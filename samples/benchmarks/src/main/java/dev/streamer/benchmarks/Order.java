package dev.streamer.benchmarks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The medium payload: a nested list of lines. */
public record Order(
    @NotBlank String customerId,
    @NotNull UUID orderId,
    @NotEmpty @Valid List<OrderLine> lines,
    Map<String, String> tags,
    @Email String email) {}
