package dev.streamer.samples.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.nio.charset.StandardCharsets;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link HandWrittenConnectHandler} with jose4j, the JWT library Streamer's runtime uses (and the only one in the
 * Lambda jar): the same checks and the same PutItem, so that against it the generated {@code $connect} differs by
 * Streamer's own work only.
 */
public final class HandWrittenJose4jConnectHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

  private static final String CONNECTIONS_TABLE = System.getenv("CONNECTIONS_TABLE");
  private static final DynamoDbClient DYNAMO_DB = HandWrittenDynamoDb.client();
  private static final JwtConsumer VERIFIER = new JwtConsumerBuilder()
      .setJwsAlgorithmConstraints(ConstraintType.PERMIT, "HS256")
      .setVerificationKey(new HmacKey(System.getenv("JWT_SECRET").getBytes(StandardCharsets.UTF_8)))
      .setRequireExpirationTime()
      .setAllowedClockSkewInSeconds(30)
      .setIssuedAtRestrictions(0, Integer.MAX_VALUE)
      .setSkipDefaultAudienceValidation()
      .build();

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
    String token = HandWrittenDynamoDb.bearerToken(event);
    if (token == null) {
      return response(401);
    }
    String userId;
    String tenantId;
    try {
      JwtClaims claims = VERIFIER.processToClaims(token);
      userId = claims.getSubject();
      tenantId = claims.getStringClaimValue("tenant_id");
    } catch (InvalidJwtException | MalformedClaimException refused) {
      return response(401);
    }
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
