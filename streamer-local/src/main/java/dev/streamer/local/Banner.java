package dev.streamer.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The start-up banner: where everything listens and a token to connect with. */
final class Banner {

  private Banner() {}

  static String render(LocalStack stack) {
    String ws = stack.webSocketUri().toString();
    String token = stack.devToken();
    String line = "-".repeat(78);
    return String.join(System.lineSeparator(),
        line,
        " Streamer local stack is running",
        line,
        " WebSocket       " + ws,
        " Dev console     " + (stack.consoleUri() == null ? "off" : stack.consoleUri()),
        " @connections    " + stack.connectionsEndpoint() + "/@connections/{connectionId}",
        " DynamoDB        " + stack.dynamoDbEndpoint()
            + (stack.dynamoDbInProcess() ? "  (DynamoDB Local, in memory)" : "")
            + "  tables " + stack.tables().requests() + ", " + stack.tables().connections(),
        " Sweeper         every " + stack.sweepInterval().toSeconds() + " s",
        "",
        " Development JWT (HS256; sub " + LocalStack.DEV_USER + ", tenant_id " + LocalStack.DEV_TENANT
            + "; expires " + Instant.now().plus(LocalStack.DEV_TOKEN_TTL).truncatedTo(ChronoUnit.SECONDS) + "):",
        " " + token,
        "",
        " Connect with the token in the query, for example:",
        "   websocat '" + ws + "?token=" + token + "'",
        "   then send: " + (stack.exampleRequest() != null ? stack.exampleRequest()
            : "{\"id\":\"1\",\"action\":\"<an action of your app>\",\"payload\":{...}}"),
        line);
  }
}
