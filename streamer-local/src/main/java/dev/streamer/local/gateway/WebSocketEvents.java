package dev.streamer.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the {@link APIGatewayV2WebSocketEvent}s API Gateway sends to the {@code $connect}, {@code $default} and
 * {@code $disconnect} integrations, field for field: {@code requestContext} with routeKey, eventType, connectionId,
 * domainName, stage, apiId, requestId, extendedRequestId, messageId, requestTime(Epoch), connectedAt, messageDirection
 * and identity; headers and query parameters on {@code $connect} only.
 */
final class WebSocketEvents {

  static final String API_ID = "local";
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final String domainName;
  private final String stage;

  WebSocketEvents(String domainName, String stage) {
    this.domainName = domainName;
    this.stage = stage;
  }

  /** The upgrade request, as the {@code $connect} route sees it. */
  record Handshake(Map<String, List<String>> headers, String rawQuery, String sourceIp, String userAgent,
      int port) {}

  APIGatewayV2WebSocketEvent connect(String connectionId, Instant now, Handshake handshake) {
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    Map<String, List<String>> headers = new LinkedHashMap<>(handshake.headers());
    headers.putIfAbsent("X-Amzn-Trace-Id", List.of(traceHeader(now)));
    headers.putIfAbsent("X-Forwarded-For", List.of(handshake.sourceIp()));
    headers.putIfAbsent("X-Forwarded-Port", List.of(String.valueOf(handshake.port())));
    headers.putIfAbsent("X-Forwarded-Proto", List.of("http"));
    event.setHeaders(lastValues(headers));
    event.setMultiValueHeaders(headers);
    Map<String, List<String>> query = parseQuery(handshake.rawQuery());
    if (!query.isEmpty()) {
      event.setQueryStringParameters(lastValues(query));
      event.setMultiValueQueryStringParameters(query);
    }
    event.setIsBase64Encoded(false);
    event.setRequestContext(context("$connect", "CONNECT", connectionId, now, now, handshake.sourceIp(),
        handshake.userAgent()));
    return event;
  }

  APIGatewayV2WebSocketEvent message(GatewayConnection connection, String text, Instant now) {
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setBody(text);
    event.setIsBase64Encoded(false);
    event.setRequestContext(messageContext(connection, now));
    return event;
  }

  APIGatewayV2WebSocketEvent disconnect(GatewayConnection connection, Instant now) {
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of(domainName));
    headers.put("X-Forwarded-For", List.of(connection.sourceIp()));
    event.setHeaders(lastValues(headers));
    event.setMultiValueHeaders(headers);
    event.setIsBase64Encoded(false);
    event.setRequestContext(context("$disconnect", "DISCONNECT", connection.connectionId(), connection.connectedAt(),
        now, connection.sourceIp(), connection.userAgent()));
    return event;
  }

  private APIGatewayV2WebSocketEvent.RequestContext messageContext(GatewayConnection connection, Instant now) {
    APIGatewayV2WebSocketEvent.RequestContext context = context("$default", "MESSAGE", connection.connectionId(),
        connection.connectedAt(), now, connection.sourceIp(), connection.userAgent());
    context.setMessageId(GatewayIds.next());
    return context;
  }

  private APIGatewayV2WebSocketEvent.RequestContext context(String routeKey, String eventType, String connectionId,
      Instant connectedAt, Instant now, String sourceIp, String userAgent) {
    APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
    String requestId = GatewayIds.next();
    context.setRouteKey(routeKey);
    context.setEventType(eventType);
    context.setConnectionId(connectionId);
    context.setConnectedAt(connectedAt.toEpochMilli());
    context.setDomainName(domainName);
    context.setStage(stage);
    context.setApiId(API_ID);
    context.setRequestId(requestId);
    context.setExtendedRequestId(requestId);
    context.setRequestTime(REQUEST_TIME.format(now));
    context.setRequestTimeEpoch(now.toEpochMilli());
    context.setMessageDirection("IN");
    APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
    identity.setSourceIp(sourceIp);
    if (!"MESSAGE".equals(eventType)) {
      identity.setUserAgent(userAgent);
    }
    context.setIdentity(identity);
    return context;
  }

  /** {@code Root=1-<epoch hex>-<24 hex>}, the X-Ray header API Gateway adds when tracing is on. */
  private static String traceHeader(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("Root=1-%08x-%012x%012x", now.getEpochSecond(),
        random.nextLong(1L << 48), random.nextLong(1L << 48));
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text; // API Gateway passes undecodable escapes through as they are
    }
  }

  private static Map<String, String> lastValues(Map<String, List<String>> multi) {
    Map<String, String> single = new LinkedHashMap<>();
    multi.forEach((name, values) -> single.put(name, values.get(values.size() - 1)));
    return single;
  }
}
