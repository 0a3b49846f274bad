package dev.storeops.stack;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where each emulated service listens, with the credentials and region to use. */
public record Endpoints(URI dynamoDb, URI sqs, URI s3, URI ses, String region, String accessKey, String secretKey) {

  /** The {@code AWS_*} variables that point storeops' client factory at these endpoints. */
  public Map<String, String> clientEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", region);
    env.put("AWS_ACCESS_KEY_ID", accessKey);
    env.put("AWS_SECRET_ACCESS_KEY", secretKey);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
    env.put("AWS_ENDPOINT_URL_SQS", sqs.toString());
    env.put("AWS_ENDPOINT_URL_S3", s3.toString());
    env.put("AWS_ENDPOINT_URL_SESV2", ses.toString());
    return env;
  }
}
