package com.example.greeter;

import dev.streamer.annotations.Action;
import dev.streamer.core.RequestContext;

public final class Greetings {
  @Action(description = "Greets by name.")
  public GreetResult greet(GreetRequest request, RequestContext context) {
    return new GreetResult("Hello, " + request.name() + "!");
  }
}
