package ${package};

/** The result of {@code greet}, for the user who asked. */
public record Greeting(String message, String userId) {}
