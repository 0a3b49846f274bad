package dev.storeops.local;

import java.nio.file.Path;

/**
 * How local mode runs: the template, where its own files go ({@code .local/}), where state is kept
 * ({@code null} = in memory), the loopback ports (0 = any free port), whether to load the demo data,
 * and how fast the schedules' clock runs.
 */
public record LocalConfig(Path root, Path template, Path localDir, Path dataDir, int apiPort, int dynamoDbPort,
    int sqsPort, int s3Port, int sesPort, boolean empty, double clockSpeed, long s3RetryDelayMillis) {

  public static final int API_PORT = 3000;
  public static final int DYNAMODB_PORT = 8000;
  public static final int SQS_PORT = 9324;
  public static final int S3_PORT = 9000;
  public static final int SES_PORT = 8005;

  /** The defaults for a checkout: its template.yaml, {@code .local/}, in memory, the documented ports. */
  public static LocalConfig defaults(Path root) {
    return new LocalConfig(root, root.resolve("template.yaml"), root.resolve(".local"), null, API_PORT,
        DYNAMODB_PORT, SQS_PORT, S3_PORT, SES_PORT, false, 1.0, 1000);
  }

  public LocalConfig withTemplate(Path t) {
    return new LocalConfig(root, t, localDir, dataDir, apiPort, dynamoDbPort, sqsPort, s3Port, sesPort, empty, clockSpeed, s3RetryDelayMillis);
  }

  public LocalConfig withLocalDir(Path d) {
    return new LocalConfig(root, template, d, dataDir, apiPort, dynamoDbPort, sqsPort, s3Port, sesPort, empty, clockSpeed, s3RetryDelayMillis);
  }

  public LocalConfig withDataDir(Path d) {
    return new LocalConfig(root, template, localDir, d, apiPort, dynamoDbPort, sqsPort, s3Port, sesPort, empty, clockSpeed, s3RetryDelayMillis);
  }

  public LocalConfig withPorts(int api, int dynamo, int sqs, int s3, int ses) {
    return new LocalConfig(root, template, localDir, dataDir, api, dynamo, sqs, s3, ses, empty, clockSpeed, s3RetryDelayMillis);
  }

  public LocalConfig withEmpty(boolean e) {
    return new LocalConfig(root, template, localDir, dataDir, apiPort, dynamoDbPort, sqsPort, s3Port, sesPort, e, clockSpeed, s3RetryDelayMillis);
  }

  public LocalConfig withClockSpeed(double speed) {
    return new LocalConfig(root, template, localDir, dataDir, apiPort, dynamoDbPort, sqsPort, s3Port, sesPort, empty, speed, s3RetryDelayMillis);
  }

  public LocalConfig withS3RetryDelayMillis(long millis) {
    return new LocalConfig(root, template, localDir, dataDir, apiPort, dynamoDbPort, sqsPort, s3Port, sesPort, empty, clockSpeed, millis);
  }
}
