package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.streamer.runtime.routing.RouteTable;

/**
 * Entry points behind the generated Lambda handler classes. One instance per Lambda execution environment, built in
 * the generated class's static initializer so SDK clients are created once.
 *
 * <p>CONTRACT (the generated handlers call exactly these signatures). Implementation: issue 3.
 */
public final class StreamerLambda {

  private StreamerLambda() {}

  /** Reads configuration from environment variables and builds the clients it needs. */
  public static StreamerLambda fromEnvironment(RouteTable routes) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code $connect}: verifies the JWT and stores the connection; 401 on failure. */
  public APIGatewayV2WebSocketResponse connect(APIGatewayV2WebSocketEvent event, Context context) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code $disconnect}: deletes the connection record. */
  public APIGatewayV2WebSocketResponse disconnect(APIGatewayV2WebSocketEvent event, Context context) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@code $default}: routes a message (sync result, async acknowledgment, or typed error). */
  public APIGatewayV2WebSocketResponse message(APIGatewayV2WebSocketEvent event, Context context) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** DynamoDB Streams processor of the requests table. */
  public StreamsEventResponse process(DynamodbEvent event, Context context) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Scheduled sweeper: re-drives due retries and expired leases. Returns a JSON summary. */
  public String sweep(ScheduledEvent event, Context context) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
