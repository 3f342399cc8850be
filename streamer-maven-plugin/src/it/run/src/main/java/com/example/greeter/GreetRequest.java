package com.example.greeter;

import dev.streamer.annotations.NotBlank;
import dev.streamer.annotations.Size;

public record GreetRequest(@NotBlank @Size(max = 100) String name) {}
