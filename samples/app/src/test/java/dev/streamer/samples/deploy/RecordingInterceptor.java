package dev.streamer.samples.deploy;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Registered as an SDK global interceptor in child JVMs only (through {@code src/test/sdk-interceptors} on their
 * class path): prints every AWS call a handler makes, so the test can check each against the function's IAM role.
 */
public final class RecordingInterceptor implements ExecutionInterceptor {

  static final String PREFIX = "AWS-CALL ";

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    String table = request.getValueForField("TableName", String.class).orElse("-");
    String index = request.getValueForField("IndexName", String.class).orElse("-");
    System.err.println(PREFIX + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + table + " " + index);
  }
}
