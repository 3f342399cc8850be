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
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The cold-start anchor for {@code $connect}: what a user would write without Streamer, with java-jwt (which brings
 * jackson-databind; the harness adds both jars to this side's class path, as the user's jar would hold them). Same
 * work as the generated {@code SampleConnectHandler} with an HS256 secret: the bearer token verified (HS256 only,
 * {@code exp} required, 30 s leeway, {@code sub} and {@code tenant_id} present), then one PutItem of the connection
 * item ({@link HandWrittenDynamoDb#putConnection}); 401 on a refused token. Configured by the same environment
 * variables. {@link HandWrittenJose4jConnectHandler} does the same with the JWT library Streamer uses.
 */
public final class HandWrittenConnectHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  private static final String CONNECTIONS_TABLE = System.getenv("CONNECTIONS_TABLE");
  private static final DynamoDbClient DYNAMO_DB = HandWrittenDynamoDb.client();
  private static final JWTVerifier VERIFIER = JWT
      .require(Algorithm.HMAC256(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8)))
      .acceptLeeway(30)
      .withClaimPresence("exp")
      .build();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    String token = HandWrittenDynamoDb.bearerToken(event);
    if (token == null) {
      return response(401);
    }
    DecodedJWT jwt;
    try {
      jwt = VERIFIER.verify(token);
    } catch (JWTVerificationException refused) {
      return response(401);
    }
    String userId = jwt.getSubject();
    String tenantId = jwt.getClaim("tenant_id").asString();
    if (userId == null || userId.isBlank() || tenantId == null || tenantId.isBlank()) {
      return response(401);
    }
    HandWrittenDynamoDb.putConnection(DYNAMO_DB, CONNECTIONS_TABLE, event, userId, tenantId);
    return response(200);
  }

  private static APIGatewayV2WebSocketResponse response(int status) {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(status);
    return response;
  }
}
