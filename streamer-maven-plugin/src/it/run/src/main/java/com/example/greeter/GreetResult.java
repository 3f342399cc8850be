package com.example.greeter;

public record GreetResult(String greeting) {}
