package dev.storeops.platform.aws;

import dev.storeops.platform.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds SDK v2 clients once per container with the light url-connection HTTP client.
 *
 * <p>In Lambda: region and credentials from the runtime's environment variables (the fastest
 * providers). Locally and in tests: {@code AWS_ENDPOINT_URL_<SERVICE>} (or {@code AWS_ENDPOINT_URL})
 * points a client at an emulator, with the credentials of {@code AWS_ACCESS_KEY_ID}/{@code
 * AWS_SECRET_ACCESS_KEY} from the same {@link Env}.
 */
public final class AwsClients {
  private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder()
      .connectionTimeout(Duration.ofSeconds(2))
      .socketTimeout(Duration.ofSeconds(20))
      .build();

  private final Env env;
  // Each Lazy holds its client as an Object and is built by a lambda typed Object: a method reference
  // such as this::buildSes would make the JVM load SesV2Client when the AwsClients is constructed, and a
  // function jar carries only the service clients it uses (order-api has no SES or S3 classes).
  private final Lazy dynamoDb = new Lazy(() -> buildDynamoDb());
  private final Lazy sqs = new Lazy(() -> buildSqs());
  private final Lazy ses = new Lazy(() -> buildSes());
  private final Lazy s3 = new Lazy(() -> buildS3());
  private final Lazy s3Presigner = new Lazy(() -> buildS3Presigner());

  /** Clients built on first use and then kept: one instance of each per {@code AwsClients} (per container). */
  public AwsClients(Env env) {
    this.env = env;
  }

  public static SdkHttpClient httpClient() {
    return HTTP;
  }

  public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb() {
    return (software.amazon.awssdk.services.dynamodb.DynamoDbClient) dynamoDb.get();
  }

  private software.amazon.awssdk.services.dynamodb.DynamoDbClient buildDynamoDb() {
    return configure(software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder(), "DYNAMODB")
        .httpClient(HTTP).build();
  }

  public software.amazon.awssdk.services.sqs.SqsClient sqs() {
    return (software.amazon.awssdk.services.sqs.SqsClient) sqs.get();
  }

  private software.amazon.awssdk.services.sqs.SqsClient buildSqs() {
    return configure(software.amazon.awssdk.services.sqs.SqsClient.builder(), "SQS")
        .httpClient(HTTP).build();
  }

  public software.amazon.awssdk.services.sesv2.SesV2Client ses() {
    return (software.amazon.awssdk.services.sesv2.SesV2Client) ses.get();
  }

  private software.amazon.awssdk.services.sesv2.SesV2Client buildSes() {
    return configure(software.amazon.awssdk.services.sesv2.SesV2Client.builder(), "SESV2")
        .httpClient(HTTP).build();
  }

  public software.amazon.awssdk.services.s3.S3Client s3() {
    return (software.amazon.awssdk.services.s3.S3Client) s3.get();
  }

  private software.amazon.awssdk.services.s3.S3Client buildS3() {
    var builder = configure(software.amazon.awssdk.services.s3.S3Client.builder(), "S3");
    if (endpoint("S3") != null) {
      builder.forcePathStyle(true);
    }
    return builder.httpClient(HTTP).build();
  }

  /** Presigns S3 URLs (invoices): the same region, credentials and endpoint as {@link #s3()}. */
  public software.amazon.awssdk.services.s3.presigner.S3Presigner s3Presigner() {
    return (software.amazon.awssdk.services.s3.presigner.S3Presigner) s3Presigner.get();
  }

  private software.amazon.awssdk.services.s3.presigner.S3Presigner buildS3Presigner() {
    URI endpoint = endpoint("S3");
    var builder = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder().region(region())
        .credentialsProvider(endpoint != null ? localCredentials() : credentials())
        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
            .pathStyleAccessEnabled(endpoint != null).build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  /**
   * A priming step ({@link Priming}): one GetItem of a key that never exists in {@code table} — the
   * client's whole request, signing, HTTP and response path, and nothing written.
   */
  public Runnable primeDynamoDb(String table) {
    return () -> dynamoDb().getItem(r -> r.tableName(table).key(java.util.Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING#"),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING#"))));
  }

  /** A priming step: GetQueueAttributes of {@code queueUrl} (nothing sent or received). */
  public Runnable primeSqs(String queueUrl) {
    return () -> sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings(
        "ApproximateNumberOfMessages"));
  }

  /** A priming step: SES GetAccount (a read of the account's sending state; nothing sent). */
  public Runnable primeSes() {
    return () -> ses().getAccount(r -> { });
  }

  /** A priming step: HeadObject of a key that never exists in {@code bucket} (a 404, nothing written). */
  public Runnable primeS3(String bucket) {
    return () -> s3().headObject(r -> r.bucket(bucket).key("priming/none"));
  }

  /**
   * A client of a service only one function uses (SNS in sms-sender), configured like the others:
   * region, credentials, {@code AWS_ENDPOINT_URL_<service>}, timeouts and the shared HTTP client.
   */
  public <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>>
      B configured(B builder, String service) {
    configure(builder, service).httpClient(HTTP);
    return builder;
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
    builder.region(region());
    URI endpoint = endpoint(service);
    builder.credentialsProvider(endpoint != null ? localCredentials() : credentials());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    builder.overrideConfiguration(ClientOverrideConfiguration.builder()
        .apiCallTimeout(Duration.ofSeconds(25))
        .build());
    return builder;
  }

  private Region region() {
    String region = env.aws("AWS_REGION");
    return Region.of(region == null || region.isBlank() ? "us-east-1" : region);
  }

  private AwsCredentialsProvider credentials() {
    return env.aws("AWS_ACCESS_KEY_ID") != null && env.aws("AWS_SESSION_TOKEN") != null
        ? EnvironmentVariableCredentialsProvider.create()
        : software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build();
  }

  private AwsCredentialsProvider localCredentials() {
    String key = env.aws("AWS_ACCESS_KEY_ID");
    String secret = env.aws("AWS_SECRET_ACCESS_KEY");
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(
        key == null ? "test" : key, secret == null ? "test" : secret));
  }

  private URI endpoint(String service) {
    String specific = env.aws("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT));
    String any = specific != null ? specific : env.aws("AWS_ENDPOINT_URL");
    return any == null || any.isBlank() ? null : URI.create(any);
  }

  /** Built once, thread-safe (double-checked on a volatile field); typed Object on purpose (see the fields). */
  private static final class Lazy {
    private final java.util.function.Supplier<Object> factory;
    private volatile Object value;

    Lazy(java.util.function.Supplier<Object> factory) {
      this.factory = factory;
    }

    Object get() {
      Object v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = factory.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
