package dev.streamer.runtime.aws.internal.processor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts stream images, which {@code aws-lambda-java-events} models with its own AttributeValue class, into SDK v2
 * items, so that one codec reads both.
 */
public final class StreamImages {

  private StreamImages() {}

  public static Map<String, AttributeValue> toSdk(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    if (image != null) {
      image.forEach((name, value) -> item.put(name, toSdk(value)));
    }
    return item;
  }

  static AttributeValue toSdk(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
    if (v.getS() != null) {
      return AttributeValue.fromS(v.getS());
    }
    if (v.getN() != null) {
      return AttributeValue.fromN(v.getN());
    }
    if (v.getBOOL() != null) {
      return AttributeValue.fromBool(v.getBOOL());
    }
    if (v.getM() != null) {
      return AttributeValue.fromM(toSdk(v.getM()));
    }
    if (v.getL() != null) {
      List<AttributeValue> list = new ArrayList<>(v.getL().size());
      v.getL().forEach(e -> list.add(toSdk(e)));
      return AttributeValue.fromL(list);
    }
    if (v.getSS() != null) {
      return AttributeValue.fromSs(v.getSS());
    }
    if (v.getNS() != null) {
      return AttributeValue.fromNs(v.getNS());
    }
    if (v.getB() != null) {
      return AttributeValue.fromB(bytes(v.getB()));
    }
    if (v.getBS() != null) {
      return AttributeValue.fromBs(v.getBS().stream().map(StreamImages::bytes).toList());
    }
    return AttributeValue.fromNul(true);
  }

  private static SdkBytes bytes(ByteBuffer buffer) {
    return SdkBytes.fromByteBuffer(buffer.duplicate());
  }
}
