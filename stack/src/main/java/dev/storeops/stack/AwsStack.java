package dev.storeops.stack;

import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.stack.template.Intrinsics;
import dev.storeops.stack.template.SamFunction;
import dev.storeops.stack.template.SamTemplate;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real AWS stack for tests and local mode: a {@link Backend} (embedded emulators or LocalStack),
 * the resources of template.yaml created on it, configured SDK v2 clients, and each function's
 * environment as the template gives it.
 */
public final class AwsStack implements AutoCloseable {
  /** Values of the template's parameters in tests: stage {@code test}, fixed test secrets. */
  public static final Map<String, String> TEST_PARAMETERS = Map.of(
      "Stage", "test",
      "WebhookSecret", "test-webhook-secret-0123456789abcdef",
      "UnsubscribeSecret", "test-unsubscribe-secret-0123456789abcdef",
      "CarrierWebhookSecret", "test-carrier-webhook-secret-0123456789");

  private final Backend backend;
  private final SamTemplate template;
  private final StackResources resources;
  private final List<String> skipped;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final S3Client s3;
  private final SesV2Client ses;

  private AwsStack(Backend backend, SamTemplate template, Map<String, String> parameters) {
    this.backend = backend;
    this.template = template;
    AwsClients clients = new AwsClients(Env.of(backend.endpoints().clientEnvironment()));
    this.dynamoDb = clients.dynamoDb();
    this.sqs = clients.sqs();
    this.s3 = clients.s3();
    this.ses = clients.ses();
    this.resources = new StackResources(template, parameters, backend.endpoints().region());
    Provisioner provisioner = new Provisioner(dynamoDb, sqs, s3);
    provisioner.provision(resources);
    this.skipped = provisioner.skipped();
  }

  /** Starts the back-end chosen by {@code -Dstoreops.stack} (auto, embedded, localstack) for the checkout's template. */
  public static AwsStack start() {
    Path root = RepoRoot.find();
    return start(chooseBackend(root), SamTemplate.load(root.resolve("template.yaml")), TEST_PARAMETERS);
  }

  public static AwsStack start(Backend backend, SamTemplate template, Map<String, String> parameters) {
    try {
      return new AwsStack(backend, template, parameters);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /** {@code embedded} (default without Docker), {@code localstack} (default where Docker answers) or {@code auto}. */
  public static Backend chooseBackend(Path root) {
    String choice = System.getProperty("storeops.stack",
        System.getenv().getOrDefault("STOREOPS_STACK", "auto")).toLowerCase(Locale.ROOT);
    return switch (choice) {
      case "embedded" -> EmbeddedBackend.start(root);
      case "localstack" -> LocalStackBackend.start();
      case "auto" -> LocalStackBackend.dockerAvailable() ? LocalStackBackend.start() : EmbeddedBackend.start(root);
      default -> throw new IllegalArgumentException("storeops.stack must be auto, embedded or localstack, not " + choice);
    };
  }

  public String backendName() {
    return backend.name();
  }

  public Endpoints endpoints() {
    return backend.endpoints();
  }

  public SamTemplate template() {
    return template;
  }

  public StackResources resources() {
    return resources;
  }

  /** Template resources with no emulator here (SNS topics, alarms, the HTTP API, …). */
  public List<String> skippedResources() {
    return skipped;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public S3Client s3() {
    return s3;
  }

  public SesV2Client ses() {
    return ses;
  }

  public String tableName(String logicalId) {
    return resources.name(logicalId);
  }

  public String queueUrl(String logicalId) {
    return resources.queueUrl(logicalId);
  }

  public String bucketName(String logicalId) {
    return resources.name(logicalId);
  }

  public List<SentMail> sentMail() {
    return backend.sentMail();
  }

  public void clearSentMail() {
    backend.clearSentMail();
  }

  /**
   * The environment a function runs with: its template variables (Globals merged, intrinsics
   * resolved to this stack) plus the {@code AWS_*} variables that point its clients here.
   */
  public Map<String, String> functionEnvironment(String functionLogicalId) {
    SamFunction function = template.function(functionLogicalId);
    Map<String, String> env = new LinkedHashMap<>();
    function.environment().forEach((k, v) -> env.put(k, Intrinsics.resolveString(v, resources)));
    env.putAll(backend.endpoints().clientEnvironment());
    return env;
  }

  public Env functionEnv(String functionLogicalId) {
    return Env.of(functionEnvironment(functionLogicalId));
  }

  /**
   * A new instance of the function's handler class (from template.yaml), built with the function's
   * environment through its {@code (Env)} constructor: the same wiring as in Lambda.
   */
  public <T> T handler(String functionLogicalId, Class<T> type) {
    SamFunction function = template.function(functionLogicalId);
    try {
      Class<?> handlerClass = Class.forName(function.handlerClass(), true, type.getClassLoader());
      Object handler = handlerClass.getConstructor(Env.class).newInstance(functionEnv(functionLogicalId));
      return type.cast(handler);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(functionLogicalId + ": handler constructor failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(functionLogicalId + ": handler " + function.handlerClass()
          + " needs a public constructor taking dev.storeops.platform.config.Env", e);
    }
  }

  @Override
  public void close() {
    dynamoDb.close();
    sqs.close();
    s3.close();
    ses.close();
    backend.close();
  }
}
