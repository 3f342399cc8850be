package dev.streamer.runtime.aws.internal.auth;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the token on a {@code $connect} event. Three places, first match wins:
 * <ol>
 *   <li>{@code Authorization: Bearer <token>} (header names are case-insensitive) — servers and native clients;</li>
 *   <li>the {@code token} query parameter: {@code wss://…/prod?token=<token>};</li>
 *   <li>{@code Sec-WebSocket-Protocol} — browsers, which cannot set headers on a WebSocket:
 *       {@code new WebSocket(url, ["streamer", token])}. The offered list must contain {@value #SUBPROTOCOL}; the
 *       token is the other entry that has the shape of a JWT. The response then selects {@value #SUBPROTOCOL} (never
 *       the token), as the WebSocket handshake requires.</li>
 * </ol>
 *
 * <p>Query strings end up in access logs more easily than headers; prefer the header or the subprotocol.
 */
public final class ConnectToken {

  /** The subprotocol a browser client offers next to its token, echoed back on success. */
  public static final String SUBPROTOCOL = "streamer";
  public static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";
  public static final String QUERY_PARAMETER = "token";

  /** Where a token was found. */
  public enum Source {
    AUTHORIZATION_HEADER,
    QUERY_PARAMETER,
    SUBPROTOCOL
  }

  /**
   * A token and where it came from.
   *
   * @param token  the compact JWT
   * @param source where it was found
   */
  public record Found(String token, Source source) {
    /** Never shows the token. */
    @Override
    public String toString() {
      return "Found[" + source + "]";
    }
  }

  private ConnectToken() {}

  /** The token on {@code event}, or empty. */
  public static Optional<Found> find(APIGatewayV2WebSocketEvent event) {
    for (String authorization : header(event, "Authorization")) {
      String value = authorization.trim();
      if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
        String token = value.substring(7).trim();
        if (!token.isEmpty()) {
          return Optional.of(new Found(token, Source.AUTHORIZATION_HEADER));
        }
      }
    }
    String query = queryParameter(event, QUERY_PARAMETER);
    if (query != null && !query.isBlank()) {
      return Optional.of(new Found(query.trim(), Source.QUERY_PARAMETER));
    }
    List<String> offered = offeredSubprotocols(event);
    if (offered.contains(SUBPROTOCOL)) {
      for (String protocol : offered) {
        if (looksLikeJwt(protocol)) {
          return Optional.of(new Found(protocol, Source.SUBPROTOCOL));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether the client offered {@value #SUBPROTOCOL}, so that the response must select it. */
  public static boolean offersSubprotocol(APIGatewayV2WebSocketEvent event) {
    return offeredSubprotocols(event).contains(SUBPROTOCOL);
  }

  /** The subprotocols the client offered, in order, trimmed. */
  static List<String> offeredSubprotocols(APIGatewayV2WebSocketEvent event) {
    List<String> offered = new ArrayList<>();
    for (String value : header(event, SUBPROTOCOL_HEADER)) {
      for (String protocol : value.split(",")) {
        String trimmed = protocol.trim();
        if (!trimmed.isEmpty()) {
          offered.add(trimmed);
        }
      }
    }
    return offered;
  }

  /** Three non-empty base64url segments. */
  private static boolean looksLikeJwt(String value) {
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) { // a loop, not chars().allMatch: no lambda to spin at a cold start
        char c = part.charAt(i);
        if (!(c < 128 && Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
          return false;
        }
      }
    }
    return true;
  }

  /** All values of a header, names compared case-insensitively, multi-value headers included. */
  static List<String> header(APIGatewayV2WebSocketEvent event, String name) {
    List<String> values = new ArrayList<>();
    String wanted = name.toLowerCase(Locale.ROOT);
    // loops, not forEach with lambdas: each lambda would spin a class at every $connect cold start
    Map<String, List<String>> multi = event.getMultiValueHeaders();
    if (multi != null) {
      for (Map.Entry<String, List<String>> header : multi.entrySet()) {
        if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals(wanted)
            && header.getValue() != null) {
          for (String value : header.getValue()) {
            if (value != null) {
              values.add(value);
            }
          }
        }
      }
    }
    if (values.isEmpty() && event.getHeaders() != null) {
      for (Map.Entry<String, String> header : event.getHeaders().entrySet()) {
        if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals(wanted)
            && header.getValue() != null) {
          values.add(header.getValue());
        }
      }
    }
    return values;
  }

  private static String queryParameter(APIGatewayV2WebSocketEvent event, String name) {
    Map<String, String> single = event.getQueryStringParameters();
    if (single != null && single.get(name) != null) {
      return single.get(name);
    }
    Map<String, List<String>> multi = event.getMultiValueQueryStringParameters();
    if (multi != null && multi.get(name) != null && !multi.get(name).isEmpty()) {
      return multi.get(name).get(0);
    }
    return null;
  }
}
