package dev.streamer.runtime.aws.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectTokenTest {

  private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";

  @Test
  void bearerHeaderWithAnyCaseOfNameAndScheme() {
    assertFound(event(Map.of("authorization", "bearer " + JWT), null), ConnectToken.Source.AUTHORIZATION_HEADER);
    assertFound(event(Map.of("AUTHORIZATION", "Bearer   " + JWT + " "), null),
        ConnectToken.Source.AUTHORIZATION_HEADER);
  }

  @Test
  void nonBearerAuthorizationIsIgnored() {
    assertTrue(ConnectToken.find(event(Map.of("Authorization", "Basic dTpw"), null)).isEmpty());
    assertFound(event(Map.of("Authorization", "Basic dTpw"), Map.of("token", JWT)),
        ConnectToken.Source.QUERY_PARAMETER);
  }

  @Test
  void queryParameter() {
    assertFound(event(null, Map.of("token", JWT)), ConnectToken.Source.QUERY_PARAMETER);
    APIGatewayV2WebSocketEvent multi = event(null, null);
    multi.setMultiValueQueryStringParameters(Map.of("token", List.of(JWT)));
    assertFound(multi, ConnectToken.Source.QUERY_PARAMETER);
  }

  @Test
  void subprotocolNeedsStreamerNextToTheToken() {
    APIGatewayV2WebSocketEvent browser = event(Map.of("sec-websocket-protocol", "streamer, " + JWT), null);
    assertFound(browser, ConnectToken.Source.SUBPROTOCOL);
    assertTrue(ConnectToken.offersSubprotocol(browser));
    APIGatewayV2WebSocketEvent reversed = event(Map.of("Sec-WebSocket-Protocol", JWT + ",streamer"), null);
    assertFound(reversed, ConnectToken.Source.SUBPROTOCOL);

    APIGatewayV2WebSocketEvent withoutStreamer = event(Map.of("Sec-WebSocket-Protocol", "chat, " + JWT), null);
    assertTrue(ConnectToken.find(withoutStreamer).isEmpty());
    assertFalse(ConnectToken.offersSubprotocol(withoutStreamer));
  }

  @Test
  void subprotocolFromMultiValueHeaders() {
    APIGatewayV2WebSocketEvent event = event(null, null);
    event.setMultiValueHeaders(Map.of("Sec-WebSocket-Protocol", List.of("streamer", JWT)));
    assertFound(event, ConnectToken.Source.SUBPROTOCOL);
  }

  @Test
  void headerWinsOverQueryWinsOverSubprotocol() {
    APIGatewayV2WebSocketEvent all = event(
        Map.of("Authorization", "Bearer header.token.x", "Sec-WebSocket-Protocol", "streamer, " + JWT),
        Map.of("token", "query.token.y"));
    assertEquals("header.token.x", ConnectToken.find(all).orElseThrow().token());
    APIGatewayV2WebSocketEvent two = event(Map.of("Sec-WebSocket-Protocol", "streamer, " + JWT),
        Map.of("token", "query.token.y"));
    assertEquals("query.token.y", ConnectToken.find(two).orElseThrow().token());
  }

  @Test
  void nothingFound() {
    assertTrue(ConnectToken.find(event(null, null)).isEmpty());
    assertTrue(ConnectToken.find(event(Map.of("Sec-WebSocket-Protocol", "streamer"), Map.of("token", " ")))
        .isEmpty());
  }

  @Test
  void foundNeverPrintsTheToken() {
    Optional<ConnectToken.Found> found = ConnectToken.find(event(null, Map.of("token", JWT)));
    assertFalse(found.orElseThrow().toString().contains(JWT));
  }

  private static void assertFound(APIGatewayV2WebSocketEvent event, ConnectToken.Source source) {
    ConnectToken.Found found = ConnectToken.find(event).orElseThrow();
    assertEquals(JWT, found.token());
    assertEquals(source, found.source());
  }

  static APIGatewayV2WebSocketEvent event(Map<String, String> headers, Map<String, String> query) {
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setHeaders(headers);
    event.setQueryStringParameters(query);
    return event;
  }
}
