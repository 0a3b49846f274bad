package dev.storeops.reporting.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Converts the Lambda event model's DynamoDB images to SDK v2 attribute maps. */
public final class StreamImages {
  private StreamImages() {}

  public static Map<String, AttributeValue> of(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
    if (image == null) {
      return Map.of();
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    image.forEach((k, v) -> out.put(k, value(v)));
    return out;
  }

  static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue v) {
    if (v.getS() != null) {
      return AttributeValue.fromS(v.getS());
    }
    if (v.getN() != null) {
      return AttributeValue.fromN(v.getN());
    }
    if (v.getBOOL() != null) {
      return AttributeValue.fromBool(v.getBOOL());
    }
    if (v.getNULL() != null) {
      return AttributeValue.fromNul(v.getNULL());
    }
    if (v.getB() != null) {
      return AttributeValue.fromB(SdkBytes.fromByteBuffer(v.getB().duplicate()));
    }
    if (v.getM() != null) {
      return AttributeValue.fromM(of(v.getM()));
    }
    if (v.getL() != null) {
      List<AttributeValue> out = new ArrayList<>();
      v.getL().forEach(x -> out.add(value(x)));
      return AttributeValue.fromL(out);
    }
    if (v.getSS() != null) {
      return AttributeValue.fromSs(v.getSS());
    }
    if (v.getNS() != null) {
      return AttributeValue.fromNs(v.getNS());
    }
    if (v.getBS() != null) {
      return AttributeValue.fromBs(v.getBS().stream().map(b -> SdkBytes.fromByteBuffer(b.duplicate())).toList());
    }
    return AttributeValue.fromNul(true);
  }
}
