package dev.streamer.runtime.aws.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.streamer.runtime.aws.connections.ConnectionLifecycle;

/** {@code $connect} (authenticate, store) and {@code $disconnect} (forget) of WebSocket connections. */
public interface ConnectionHandler {

  APIGatewayV2WebSocketResponse onConnect(APIGatewayV2WebSocketEvent event);

  APIGatewayV2WebSocketResponse onDisconnect(APIGatewayV2WebSocketEvent event);

  static ConnectionHandler of(ConnectionLifecycle lifecycle) {
    return new ConnectionHandler() {
      @Override
      public APIGatewayV2WebSocketResponse onConnect(APIGatewayV2WebSocketEvent event) {
        return lifecycle.onConnect(event);
      }

      @Override
      public APIGatewayV2WebSocketResponse onDisconnect(APIGatewayV2WebSocketEvent event) {
        return lifecycle.onDisconnect(event);
      }
    };
  }
}
