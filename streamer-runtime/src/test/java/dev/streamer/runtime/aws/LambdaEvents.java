package dev.streamer.runtime.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads event fixtures (JSON exactly as AWS sends it, in {@code src/test/resources/events/}) the way the Lambda
 * Java runtime does, with {@code aws-lambda-java-serialization}.
 */
public final class LambdaEvents {

  private LambdaEvents() {}

  public static <T> T read(String fixture, Class<T> type) {
    ClassLoader loader = LambdaEvents.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream("events/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return LambdaEventSerializers.serializerFor(type, loader).fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Lambda context with {@code remainingMillis} left. */
  public static Context context(long remainingMillis) {
    return new Context() {
      @Override public String getAwsRequestId() { return "11111111-2222-3333-4444-555555555555"; }
      @Override public String getLogGroupName() { return "/aws/lambda/streamer-test"; }
      @Override public String getLogStreamName() { return "2024/01/12/[$LATEST]abcdef"; }
      @Override public String getFunctionName() { return "streamer-test"; }
      @Override public String getFunctionVersion() { return "$LATEST"; }
      @Override public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:streamer-test";
      }
      @Override public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
      @Override public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
      @Override public int getRemainingTimeInMillis() { return (int) remainingMillis; }
      @Override public int getMemoryLimitInMB() { return 512; }
      @Override public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
        return new com.amazonaws.services.lambda.runtime.LambdaLogger() {
          @Override public void log(String message) {}
          @Override public void log(byte[] message) {}
        };
      }
    };
  }
}
