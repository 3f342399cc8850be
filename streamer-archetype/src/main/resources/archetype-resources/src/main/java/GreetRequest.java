package ${package};

import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Size;

/** The payload of {@code greet}: checked before the action runs (a {@code VALIDATION_ERROR} otherwise). */
public record GreetRequest(@NotBlank @Size(max = 64) String name) {}
