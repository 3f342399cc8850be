package dev.streamer.benchmarks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The wide payload (issue 15): fifteen components of the types users mix, and fifty constrained items; about 6 KB.
 */
public record WideOrder(
    @NotBlank @Size(max = 40) String orderRef,
    @NotNull UUID customerId,
    @NotNull Priority priority,
    @NotNull @Positive BigDecimal total,
    @NotNull Instant placedAt,
    LocalDate deliverBy,
    Optional<String> note,
    Map<String, Integer> quantities,
    @Min(0) int points,
    boolean gift,
    @Size(max = 5) List<String> tags,
    @Email String contactEmail,
    @Pattern(regexp = "[A-Z]{2}") String country,
    long sequence,
    @NotEmpty @Valid List<Item> items) {

  /** How urgent the order is. */
  public enum Priority { LOW, NORMAL, HIGH }

  /** One constrained item. */
  public record Item(
      @NotBlank @Size(max = 32) String sku,
      @NotBlank String name,
      @Positive int quantity,
      @Positive BigDecimal price,
      @Pattern(regexp = "[A-Z]{3}-[0-9]{4}") String code,
      @Email String supplier) {}

  /** Result of {@code place_wide}. */
  public record Receipt(String orderRef, int items, BigDecimal total) {}
}
