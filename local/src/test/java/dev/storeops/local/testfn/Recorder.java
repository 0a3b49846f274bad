package dev.storeops.local.testfn;

import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Where the test functions record what they received: objects under {@code seen/} in the test bucket. */
final class Recorder {
  private final S3Client s3;
  private final String bucket;

  Recorder(Env env) {
    this.s3 = new AwsClients(env).s3();
    this.bucket = env.required("BUCKET");
  }

  void record(String key, Object value) {
    s3.putObject(b -> b.bucket(bucket).key("seen/" + key).contentType("application/json"),
        RequestBody.fromString(Json.write(value)));
  }
}
