package dev.streamer.samples.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start anchor for {@code $connect}: what a user would write without Streamer. Same work as the generated
 * {@code SampleConnectHandler} with an HS256 secret: the bearer token verified with java-jwt (HS256 only, {@code exp}
 * required, 30 s leeway, {@code sub} and {@code tenant_id} present), then one PutItem of the connection item
 * (connectionId, userId, tenantId, endpoint, connectedAt, lastPing, claims, ttl in 24 h) with the client of
 * {@link HandWrittenDynamoDb}; 401 on a refused token. Configured by the same environment variables.
 */
public final class HandWrittenConnectHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  private static final long CONNECTION_TTL_SECONDS = 24 * 3600;
  private static final String CONNECTIONS_TABLE = System.getenv("CONNECTIONS_TABLE");
  private static final DynamoDbClient DYNAMO_DB = HandWrittenDynamoDb.client();
  private static final JWTVerifier VERIFIER = JWT
      .require(Algorithm.HMAC256(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8)))
      .acceptLeeway(30)
      .withClaimPresence("exp")
      .build();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    String authorization = event.getHeaders() == null ? null : event.getHeaders().get("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return response(401);
    }
    DecodedJWT jwt;
    try {
      jwt = VERIFIER.verify(authorization.substring("Bearer ".length()).trim());
    } catch (JWTVerificationException refused) {
      return response(401);
    }
    String userId = jwt.getSubject();
    String tenantId = jwt.getClaim("tenant_id").asString();
    if (userId == null || userId.isBlank() || tenantId == null || tenantId.isBlank()) {
      return response(401);
    }
    APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
    long now = System.currentTimeMillis();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("connectionId", AttributeValue.fromS(request.getConnectionId()));
    item.put("userId", AttributeValue.fromS(userId));
    item.put("tenantId", AttributeValue.fromS(tenantId));
    item.put("endpoint", AttributeValue.fromS("https://" + request.getDomainName() + "/" + request.getStage()));
    item.put("connectedAt", AttributeValue.fromN(Long.toString(now)));
    item.put("lastPing", AttributeValue.fromN(Long.toString(now)));
    item.put("claims", AttributeValue.fromM(Map.of()));
    item.put("ttl", AttributeValue.fromN(Long.toString(now / 1000 + CONNECTION_TTL_SECONDS)));
    DYNAMO_DB.putItem(b -> b.tableName(CONNECTIONS_TABLE).item(item));
    return response(200);
  }

  private static APIGatewayV2WebSocketResponse response(int status) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    return response;
  }
}
