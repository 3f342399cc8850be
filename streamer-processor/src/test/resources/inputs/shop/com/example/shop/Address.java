package com.example.shop;

import dev.streamer.annotations.NotBlank;

public record Address(@NotBlank String street, String city, String[] lines) {}
