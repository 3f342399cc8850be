package com.example.shop;

import dev.streamer.annotations.Email;
import dev.streamer.annotations.Future;
import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.NotEmpty;
import dev.streamer.annotations.NotNull;
import dev.streamer.annotations.Pattern;
import dev.streamer.annotations.Positive;
import dev.streamer.annotations.QueueWhen;
import dev.streamer.annotations.Size;
import dev.streamer.annotations.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public record OrderRequest(
    @NotBlank @Size(max = 80) String customer,
    @Email(message = "please give a valid e-mail address") String email,
    @Valid @NotEmpty @Size(max = 50) List<@NotNull OrderItem> items,
    Priority priority,
    Optional<@Size(max = 200) String> note,
    Map<String, @Positive Integer> tags,
    @Pattern(regexp = "[A-Z]{2}") String country,
    @Future LocalDate deliverBy,
    @Valid Optional<Address> shipTo) {

  /** Large orders are queued. */
  @QueueWhen
  public boolean large() {
    return items != null && items.size() > 10;
  }
}
