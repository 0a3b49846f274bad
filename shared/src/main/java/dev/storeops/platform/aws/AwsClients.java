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
 *
 * <p>The SDK calls in this file are SnapStart priming only (docs/performance.md): writes are withheld by
 * {@link PrimingGuard} before they are sent, reads and the ConditionCheck may be denied by IAM and are
 * swallowed. The template's IAM checks do not count them ({@code storeops:iam-priming-only}); a real call
 * belongs in a context's store, never here.
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
    return () -> dynamoDb().getItem(r -> r.tableName(table).key(primingKey("PRIMING#")));
  }

  /**
   * A priming step of DynamoDB's other paths, all harmless: a BatchGetItem and a Query of keys that never
   * exist; a TransactWriteItems whose only action is a ConditionCheck that the key exists, on a key that
   * never does — it is cancelled ({@code TransactionCanceledException}: the error and cancellation-reason
   * path) and writes nothing whatever happens; and a PutItem, UpdateItem, DeleteItem and BatchWriteItem
   * that are marshalled and signed, then withheld by {@link PrimingGuard} (never sent).
   */
  public Runnable primeDynamoDbWrites(String table) {
    return () -> DynamoPriming.writes(this, table);
  }

  // Each service's priming is in its own class, loaded only when its step runs: a catch of an S3 or SES
  // exception in AwsClients itself would make the verifier load that class in a jar without it.
  private static final class DynamoPriming {
    static void writes(AwsClients clients, String table) {
      var ddb = clients.dynamoDb();
      ddb.batchGetItem(r -> r.requestItems(java.util.Map.of(table,
          software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
              .keys(primingKey("PRIMING#1"), primingKey("PRIMING#2")).consistentRead(true).build())));
      ddb.query(r -> r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
          .expressionAttributeValues(java.util.Map.of(
              ":pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING#"),
              ":sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING")))
          .limit(1));
      try {
        ddb.transactWriteItems(r -> r.transactItems(t -> t.conditionCheck(c -> c.tableName(table)
            .key(primingKey("PRIMING#NEVER")).conditionExpression("attribute_exists(pk)")
            .returnValuesOnConditionCheckFailure(
                software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure.ALL_OLD))));
        throw new IllegalStateException("the priming condition check passed: PRIMING#NEVER exists in " + table);
      } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException expected) {
        // the key never exists: cancelled, nothing written
      }
      var item = new java.util.HashMap<>(primingKey("PRIMING#NEVER"));
      item.put("n", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1"));
      item.put("l", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(java.util.List.of(
          software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(java.util.Map.of("b",
              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true))))));
      // a transaction of every action kind (put, update, delete, check): marshalled, signed, withheld
      Priming.expectWithheld(() -> ddb.transactWriteItems(r -> r.clientRequestToken("storeops-priming").transactItems(
          t -> t.put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")),
          t -> t.update(u -> u.tableName(table).key(primingKey("PRIMING#NEVER#2")).updateExpression("ADD n :one")
              .expressionAttributeValues(java.util.Map.of(":one",
                  software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1")))),
          t -> t.delete(d -> d.tableName(table).key(primingKey("PRIMING#NEVER#3"))),
          t -> t.conditionCheck(c -> c.tableName(table).key(primingKey("PRIMING#NEVER#4"))
              .conditionExpression("attribute_not_exists(pk)")))));
      Priming.expectWithheld(() -> ddb.putItem(r -> r.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")));
      Priming.expectWithheld(() -> ddb.updateItem(r -> r.tableName(table).key(primingKey("PRIMING#NEVER"))
          .updateExpression("SET n = if_not_exists(n, :zero) + :one")
          .conditionExpression("attribute_exists(pk)")
          .expressionAttributeValues(java.util.Map.of(
              ":zero", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("0"),
              ":one", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1")))
          .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)));
      Priming.expectWithheld(() -> ddb.deleteItem(r -> r.tableName(table).key(primingKey("PRIMING#NEVER"))
          .conditionExpression("attribute_exists(pk)")));
      Priming.expectWithheld(() -> ddb.batchWriteItem(r -> r.requestItems(java.util.Map.of(table, java.util.List.of(
          software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
              .putRequest(p -> p.item(item)).build())))));
      // the withheld requests got no answer: their response models (each a static table of field accessors,
      // dozens of classes) would load on the first real write; built empty here
      responses(software.amazon.awssdk.services.dynamodb.model.PutItemResponse.builder().build(),
          software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse.builder().build(),
          software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse.builder().build(),
          software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse.builder().build(),
          software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse.builder().build());
      software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException.builder().message("priming").build();
    }
  }

  /** Touches each response's fields (what the SDK's unmarshaller and the caller's accessors go through). */
  private static void responses(software.amazon.awssdk.core.SdkPojo... responses) {
    for (var response : responses) {
      for (var field : response.sdkFields()) {
        field.getValueOrDefault(response);
      }
    }
  }

  private static java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> primingKey(
      String pk) {
    return java.util.Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("PRIMING#"));
  }

  /**
   * A priming step: GetQueueAttributes of {@code queueUrl} (nothing received), then a SendMessage and a
   * SendMessageBatch to it that are marshalled and signed, then withheld by {@link PrimingGuard} (nothing
   * sent).
   */
  public Runnable primeSqs(String queueUrl) {
    return () -> SqsPriming.run(this, queueUrl);
  }

  private static final class SqsPriming {
    static void run(AwsClients clients, String queueUrl) {
      var sqs = clients.sqs();
      sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNamesWithStrings("ApproximateNumberOfMessages"));
      Priming.expectWithheld(() -> sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"priming\":true}")
          .delaySeconds(0)));
      Priming.expectWithheld(() -> sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(e -> e.id("priming")
          .messageBody("{\"priming\":true}"))));
      responses(software.amazon.awssdk.services.sqs.model.SendMessageResponse.builder().build(),
          software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse.builder()
              .successful(e -> e.id("priming")).failed(e -> e.id("priming")).build());
    }
  }

  /** A priming step: SES GetAccount (a read), then a SendEmail marshalled, signed and withheld (nothing sent). */
  public Runnable primeSes() {
    return () -> SesPriming.run(this);
  }

  private static final class SesPriming {
    static void run(AwsClients clients) {
      var ses = clients.ses();
      ses.getAccount(r -> { });
      Priming.expectWithheld(() -> ses.sendEmail(r -> r.fromEmailAddress("priming@example.invalid")
          .destination(d -> d.toAddresses("priming@example.invalid"))
          .content(c -> c.raw(raw -> raw.data(software.amazon.awssdk.core.SdkBytes.fromUtf8String(
              "Subject: priming\r\n\r\npriming\r\n"))))));
      responses(software.amazon.awssdk.services.sesv2.model.SendEmailResponse.builder().build());
    }
  }

  /**
   * A priming step: HeadObject and GetObject of a key that never exists in {@code bucket} (404s: the
   * error path), a ListObjectsV2 of an empty prefix, and a PutObject marshalled, signed (with its
   * checksum) and withheld (nothing written).
   */
  public Runnable primeS3(String bucket) {
    return () -> S3Priming.run(this, bucket);
  }

  private static final class S3Priming {
    static void run(AwsClients clients, String bucket) {
      var s3 = clients.s3();
      try {
        s3.headObject(r -> r.bucket(bucket).key("priming/none"));
        throw new IllegalStateException("priming/none exists in " + bucket);
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // the key never exists
      } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
        if (e.statusCode() != 404) {
          throw e;
        }
      }
      try (var in = s3.getObject(r -> r.bucket(bucket).key("priming/none"))) {
        throw new IllegalStateException("priming/none exists in " + bucket);
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // the key never exists
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      s3.listObjectsV2(r -> r.bucket(bucket).prefix("priming/none/").maxKeys(1));
      Priming.expectWithheld(() -> s3.putObject(r -> r.bucket(bucket).key("priming/none").contentType("text/plain"),
          software.amazon.awssdk.core.sync.RequestBody.fromString("priming")));
      responses(software.amazon.awssdk.services.s3.model.PutObjectResponse.builder().build());
    }

    static void moves(AwsClients clients, String bucket, String readPrefix) {
      var s3 = clients.s3();
      try {
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("priming/none"));
        throw new IllegalStateException("priming/none exists in " + bucket);
      } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException expected) {
        // the key never exists
      }
      if (readPrefix != null) {
        s3.listObjectsV2(r -> r.bucket(bucket).prefix(readPrefix).maxKeys(1)).contents().stream().findFirst()
            .ifPresent(o -> s3.getObjectAsBytes(r -> r.bucket(bucket).key(o.key())));
      }
      Priming.expectWithheld(() -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("priming/none")
          .destinationBucket(bucket).destinationKey("priming/none-moved")));
      Priming.expectWithheld(() -> s3.deleteObject(r -> r.bucket(bucket).key("priming/none")));
      responses(software.amazon.awssdk.services.s3.model.CopyObjectResponse.builder()
              .copyObjectResult(c -> c.eTag("priming")).build(),
          software.amazon.awssdk.services.s3.model.DeleteObjectResponse.builder().build());
    }
  }

  /**
   * A priming step of S3's other paths, all harmless: a GetObject read into bytes of a key that never exists
   * (404), the first object under {@code readPrefix} (if any) read whole — a read, the success path of
   * GetObject with its response checksum — and a CopyObject and DeleteObject (a move) marshalled, signed and
   * withheld (nothing copied or deleted).
   */
  public Runnable primeS3Moves(String bucket, String readPrefix) {
    return () -> S3Priming.moves(this, bucket, readPrefix);
  }

  /** {@link #primeS3Moves(String, String)} without the read of an existing object. */
  public Runnable primeS3Moves(String bucket) {
    return () -> S3Priming.moves(this, bucket, null);
  }

  /**
   * A priming step: a GET URL of a key that never exists presigned for a minute (the presigner's signing
   * path; computed locally, nothing sent).
   */
  public Runnable primeS3Presigner(String bucket) {
    return () -> s3Presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(1))
        .getObjectRequest(g -> g.bucket(bucket).key("priming/none"))).url();
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
        // priming (SnapStart) may walk write paths: the guard sends only reads while it runs
        .addExecutionInterceptor(PrimingGuard.INSTANCE)
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
