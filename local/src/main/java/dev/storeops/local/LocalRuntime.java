package dev.storeops.local;

import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmbeddedBackend;
import dev.storeops.stack.EmfMetrics;
import dev.storeops.stack.Endpoints;
import dev.storeops.stack.StackResources;
import dev.storeops.stack.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Local mode, running: the embedded emulators with the template's resources, the functions, the HTTP
 * API, the SQS pollers, S3 notifications and schedules. {@link #close()} stops everything.
 */
public final class LocalRuntime implements AutoCloseable {
  private static final Log LOG = Log.get(LocalRuntime.class);
  public static final String STAGE = "local";
  public static final Duration STAFF_TOKEN_VALIDITY = Duration.ofHours(12);

  private final List<AutoCloseable> running = new ArrayList<>();
  private final LocalConfig config;
  private final LocalTemplate plan;
  private final AwsStack stack;
  private final StaffTokens tokens;
  private final LocalSecrets secrets;
  private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
  private final HttpGateway gateway;
  private final Schedules schedules;
  private final DemoData.Summary demo;
  private final String staffId;
  private final String staffToken;
  private final List<String> staffRoles;
  private final Path endpointsFile;
  private final Map<String, Long> phases = new LinkedHashMap<>();
  private final EmfMetrics metrics = EmfMetrics.watchStandardOutput();
  private final Driven driven;
  private final S3Notifications notifications;
  private final List<SqsDelivery> sqsDeliveries = new ArrayList<>();
  private final List<StreamDelivery> streamDeliveries = new ArrayList<>();

  /**
   * Local mode driven by its caller instead of background pollers and timers (the simulation): every
   * handler built with this clock (through its {@code (Env, Clock)} constructor), staff tokens signed on
   * it, schedules due on it; SQS, stream and S3 deliveries happen only when the caller asks, on its thread.
   */
  public record Driven(Clock clock, LocalFunction.Listener listener) {}

  private LocalRuntime(LocalConfig config, LocalTemplate plan, LocalSecrets secrets, Driven driven,
      LocalFunction.Listener watcher) {
    this.config = config;
    this.plan = plan;
    this.secrets = secrets;
    this.driven = driven;
    this.tokens = new StaffTokens(secrets.jwtKey(), driven == null ? Clock.systemUTC() : driven.clock());
    S3Notifications notifications = new S3Notifications(EmbeddedBackend.REGION,
        driven == null ? config.s3RetryDelayMillis() : 0, driven != null);
    this.notifications = notifications;
    running.add(metrics);
    long t = System.nanoTime();
    EmbeddedBackend backend = EmbeddedBackend.start(config.root(), new EmbeddedBackend.Options(config.dynamoDbPort(),
        config.sqsPort(), config.s3Port(), config.sesPort(), config.dataDir()), notifications);
    running.add(backend::close);
    t = phase("emulators", t);
    AwsStack started;
    try {
      started = AwsStack.start(backend, plan.template(), parameters(secrets, config));
    } catch (RuntimeException e) {
      notifications.close();
      throw e;
    }
    this.stack = started;
    running.add(stack);
    running.add(notifications);
    t = phase("resources", t);
    try {
    StackResources resources = stack.resources();
    for (LocalTemplate.FunctionSpec f : plan.functions()) {
      functions.put(f.logicalId(), new LocalFunction(f.logicalId(), resources.name(f.logicalId()), f.handlerClass(),
          f.method(), f.constructor(), stack.functionEnvironment(f.logicalId()), f.timeoutSeconds(), f.memoryMb(),
          metrics, driven == null ? null : driven.clock(), driven == null ? watcher : driven.listener()));
    }
    for (LocalTemplate.S3Source s : plan.buckets()) {
      notifications.addTarget(new S3Notifications.Target(resources.name(s.bucketId()), s, functions.get(s.functionId())));
    }
    this.demo = config.empty() ? null : loadDemo(resources);
    t = phase("demo data", t);
    // the owner's token in the banner; one per demo person in endpoints.json (./run-local token for others)
    DemoData.StaffMember owner = DemoData.firstWith("owner")
        .orElse(new DemoData.StaffMember("owner-local", "Owner", List.of("owner")));
    this.staffId = owner.id();
    this.staffRoles = owner.roles();
    this.staffToken = tokens.mint(owner.id(), owner.roles(), STAFF_TOKEN_VALIDITY);

    RouteMatcher<LocalFunction> routes = new RouteMatcher<>();
    // one port serves every HttpApi of the template (their paths do not overlap), each route answering
    // CORS as its own API's CorsConfiguration says (docs/api.md#cors)
    Map<String, String> parameters = parameters(secrets, config);
    Map<String, HttpGateway.Cors> corsByRoute = new LinkedHashMap<>();
    Map<String, String> functionByRoute = new LinkedHashMap<>();
    for (LocalTemplate.HttpRoute r : plan.routes()) {
      String key = r.method() + " " + r.path();
      if (r.functionId().equals(functionByRoute.get(key))) {
        // the same function on a second API (the console's reads of storefront routes on StaffApi): on one
        // port the first API's route answers
        continue;
      }
      try {
        routes.add(r.method(), r.path(), functions.get(r.functionId()), r.authorized());
      } catch (IllegalArgumentException e) {
        throw new LocalTemplate.TemplateError(r.functionId() + " event " + r.event() + ": " + e.getMessage());
      }
      functionByRoute.put(key, r.functionId());
      corsByRoute.put(r.path().equals("$default") ? "$default" : r.method() + " " + RouteMatcher.normalise(r.path()),
          cors(plan.template(), r.api(), parameters));
    }
    Map<LocalTemplate.ScheduleSource, LocalFunction> scheduled = new LinkedHashMap<>();
    plan.schedules().forEach(s -> scheduled.put(s, functions.get(s.functionId())));
    this.schedules = driven == null
        ? new Schedules(scheduled, config.clockSpeed(), EmbeddedBackend.REGION, "storeops-" + STAGE)
        : new Schedules(scheduled, driven.clock(), EmbeddedBackend.REGION, "storeops-" + STAGE);
    running.add(schedules);
    if (!plan.streams().isEmpty()) {
      startStreams(resources);
    }
    for (LocalTemplate.SqsSource q : plan.queues()) {
      if (q.enabled()) {
        SqsDelivery d = new SqsDelivery(stack.sqs(), functions.get(q.functionId()), q, resources.queueUrl(q.queueId()),
            resources.queueArn(q.queueId()), EmbeddedBackend.REGION, driven == null);
        sqsDeliveries.add(d);
        running.add(d);
      }
    }
    try {
      this.gateway = new HttpGateway(config.apiPort(), routes, tokens, STAGE, corsByRoute,
          cors(plan.template(), documentsApi(plan), parameters), this::localEndpoint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve the API on 127.0.0.1:" + config.apiPort()
          + " (in use? set PORT or --port)", e);
    }
    running.add(gateway);
    this.endpointsFile = config.localDir().resolve("endpoints.json");
    writeEndpoints();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void startStreams(StackResources resources) {
    Endpoints e = stack.endpoints();
    DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(e.dynamoDb())
        .region(Region.of(e.region())).httpClient(AwsClients.httpClient())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(e.accessKey(), e.secretKey())))
        .build();
    running.add(streams);
    Path file = config.dataDir() == null ? null : config.dataDir().resolve("stream-checkpoints.json");
    Map<String, String> checkpoints = new java.util.concurrent.ConcurrentHashMap<>();
    if (file != null && Files.exists(file)) {
      try {
        checkpoints.putAll(Json.mapper().readValue(file.toFile(),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {}));
      } catch (IOException ex) {
        LOG.warn("stream checkpoints unreadable; starting over", "file", file.toString());
      }
    }
    if (file != null) {
      running.add(() -> Files.writeString(file, Json.write(checkpoints)));
    }
    for (LocalTemplate.StreamSource s : plan.streams()) {
      if (!s.enabled()) {
        continue;
      }
      String table = resources.name(s.tableId());
      String arn = stack.dynamoDb().describeTable(d -> d.tableName(table)).table().latestStreamArn();
      StreamDelivery d = new StreamDelivery(streams, stack.sqs(), functions.get(s.functionId()), s, arn,
          s.onFailureQueueId() == null ? null : resources.queueUrl(s.onFailureQueueId()), EmbeddedBackend.REGION,
          checkpoints, driven == null);
      streamDeliveries.add(d);
      running.add(d);
    }
  }

  private long phase(String name, long since) {
    long now = System.nanoTime();
    phases.put(name, (now - since) / 1_000_000);
    return now;
  }

  /** Reads and checks the template (fails fast with a {@link LocalTemplate.TemplateError}), then starts everything. */
  public static LocalRuntime start(LocalConfig config) {
    return start(config, null);
  }

  /** As {@link #start(LocalConfig)}; with {@code driven} non-null the caller drives time and deliveries ({@link Driven}). */
  public static LocalRuntime start(LocalConfig config, Driven driven) {
    return start(config, driven, null);
  }

  /**
   * As {@link #start(LocalConfig)}, with the background pollers and timers, and {@code watcher} told of every
   * invocation on its invoking thread (the keep-up bench counts each function's AWS calls with it).
   */
  public static LocalRuntime startWatched(LocalConfig config, LocalFunction.Listener watcher) {
    return start(config, null, watcher);
  }

  private static LocalRuntime start(LocalConfig config, Driven driven, LocalFunction.Listener watcher) {
    SamTemplate template;
    try {
      template = SamTemplate.load(config.template());
    } catch (RuntimeException e) {
      throw new LocalTemplate.TemplateError(config.template() + ": cannot be read: " + e.getMessage());
    }
    checkFree(config.apiPort(), "the HTTP API", "PORT or --port");
    checkFree(config.dynamoDbPort(), "DynamoDB Local", "DYNAMODB_PORT or --dynamodb-port");
    checkFree(config.sqsPort(), "ElasticMQ (SQS)", "SQS_PORT or --sqs-port");
    checkFree(config.s3Port(), "S3Proxy (S3)", "S3_PORT or --s3-port");
    checkFree(config.sesPort(), "aws-ses-v2-local (SES)", "SES_PORT or --ses-port");
    LocalSecrets secrets = LocalSecrets.loadOrCreate(config.localDir());
    Map<String, String> parameters = parameters(secrets, config);
    LocalTemplate plan = LocalTemplate.read(template, LocalRuntime.class.getClassLoader(), parameters);
    template.parameters().forEach((name, spec) -> {
      if (!parameters.containsKey(name) && spec.get("Default") == null) {
        throw new LocalTemplate.TemplateError("parameter " + name + " has no Default and local mode has no value for it");
      }
    });
    return new LocalRuntime(config, plan, secrets, driven, watcher);
  }

  /** Fails fast, before anything starts, when a fixed port is taken (another local mode running?). */
  private static void checkFree(int port, String what, String setting) {
    if (port <= 0) {
      return;
    }
    try (var socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " for " + what + " is in use (another ./run-local?); set "
          + setting);
    }
  }

  private static String carrierWebhookSecret(LocalSecrets secrets) {
    return "carrier-" + secrets.webhookSecret();
  }

  private static Map<String, String> parameters(LocalSecrets secrets, LocalConfig config) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("ConsoleSignIn", "local");
    p.put("Stage", STAGE);
    p.put("WebhookSecret", secrets.webhookSecret());
    p.put("UnsubscribeSecret", secrets.unsubscribeSecret());
    // the carrier webhook's secret (docs/carriers.md): derived from the local webhook secret
    p.put("CarrierWebhookSecret", carrierWebhookSecret(secrets));
    p.put("PublicBaseUrl", "http://127.0.0.1:" + config.apiPort());
    // SMS are recorded in memory and shown at GET /_local/sms (docs/notifications.md)
    p.put("SmsProvider", "local");
    p.put("SmsSenderName", "storeops");
    return p;
  }

  private DemoData.Summary loadDemo(StackResources resources) {
    List<String> tables = plan.template().resourcesOfType("AWS::DynamoDB::Table");
    List<String> buckets = plan.template().resourcesOfType("AWS::S3::Bucket");
    if (tables.isEmpty()) {
      return null;
    }
    String table = tables.contains("StoreTable") ? "StoreTable" : tables.get(0);
    String bucket = buckets.contains("SupplierBucket") ? "SupplierBucket" : buckets.isEmpty() ? null : buckets.get(0);
    return new DemoData(stack.dynamoDb(), stack.s3(), resources.name(table),
        bucket == null ? null : resources.name(bucket)).load();
  }

  /**
   * The CORS configuration of one HTTP API of the template, as API Gateway answers it: {@code
   * Globals.HttpApi.CorsConfiguration} merged under the API resource's own ({@code true} = every origin,
   * {@code *}); SAM's implicit API ({@link LocalTemplate#IMPLICIT_API}) has the Globals' only.
   */
  @SuppressWarnings("unchecked")
  static HttpGateway.Cors cors(SamTemplate template, String api, Map<String, String> parameters) {
    Map<String, Object> c = new LinkedHashMap<>();
    Object global = template.globals("HttpApi").get("CorsConfiguration");
    Object own = template.properties(api).get("CorsConfiguration");
    for (Object conf : new Object[] {global, own}) {
      if (Boolean.TRUE.equals(conf) || "true".equals(conf)) {
        c.put("AllowOrigins", List.of("*"));
      } else if (conf instanceof Map<?, ?> m) {
        c.putAll((Map<String, Object>) m);
      }
    }
    return new HttpGateway.Cors(list(c.get("AllowOrigins"), template, parameters), list(c.get("AllowHeaders"), template, parameters),
        list(c.get("AllowMethods"), template, parameters));
  }

  /** {@code /openapi.json} and {@code /docs} answer CORS as the storefront's API: the first API with a route without an authorizer. */
  private static String documentsApi(LocalTemplate plan) {
    return plan.routes().stream().filter(r -> !r.authorized()).map(LocalTemplate.HttpRoute::api).findFirst()
        .orElse(LocalTemplate.IMPLICIT_API);
  }

  /** A YAML list, or {@code !Ref} of a CommaDelimitedList parameter (its value here, else its Default). */
  private static List<String> list(Object v, SamTemplate template, Map<String, String> parameters) {
    if (v instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name) {
      Object value = parameters.containsKey(name) ? parameters.get(name)
          : template.parameters().getOrDefault(name, Map.of()).get("Default");
      return value == null || String.valueOf(value).isBlank() ? List.of()
          : java.util.Arrays.stream(String.valueOf(value).split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
    return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }

  private Optional<Map.Entry<Integer, Object>> localEndpoint(String method, String rest, Map<String, String> query) {
    if (rest.equals("health") && method.equals("GET")) {
      return Optional.of(Map.entry(200, Map.of("status", "ok")));
    }
    if (rest.equals("endpoints") && method.equals("GET")) {
      return Optional.of(Map.entry(200, endpoints()));
    }
    if (rest.equals("schedules") && method.equals("GET")) {
      return Optional.of(Map.entry(200, Map.of("now", schedules.now().toString(), "next", schedules.nextFirings())));
    }
    if (rest.equals("metrics") && method.equals("GET")) {
      return Optional.of(Map.entry(200, metricsView()));
    }
    if (rest.equals("metrics") && method.equals("DELETE")) {
      metrics.reset();
      return Optional.of(Map.entry(200, metricsView()));
    }
    if (rest.equals("sms") && method.equals("GET")) {
      // the SMS sms-sender "sent" (provider local), oldest first, like the SES emulator's /store for mail
      return Optional.of(Map.entry(200, Map.of("messages", dev.storeops.messaging.sms.LocalSmsLog.sent())));
    }
    if (rest.equals("sms") && method.equals("DELETE")) {
      dev.storeops.messaging.sms.LocalSmsLog.clear();
      return Optional.of(Map.entry(200, Map.of("messages", List.of())));
    }
    if (rest.equals("console/staff") && method.equals("GET")) {
      return Optional.of(Map.entry(200, Map.of("staff", DemoData.staff())));
    }
    if (rest.equals("console/sign-in") && method.equals("POST")) {
      // the console's local sign-in page: a token for a demo person, as ./run-local token signs it
      String id = query.getOrDefault("staff", "");
      return Optional.of(DemoData.staff().stream().filter(m -> m.id().equals(id)).findFirst()
          .<Map.Entry<Integer, Object>>map(m -> Map.entry(200, Map.of("staffId", m.id(), "roles", m.roles(),
              "token", tokens.mint(m.id(), m.roles(), STAFF_TOKEN_VALIDITY))))
          .orElse(Map.entry(404, Map.of("message", "no demo staff member '" + id + "'"))));
    }
    if (rest.startsWith("schedules/") && method.equals("POST")) {
      String function = rest.substring("schedules/".length());
      var fired = schedules.fireNow(function, query.get("event"));
      if (fired.isEmpty()) {
        return Optional.of(Map.entry(404, Map.of("message", "no schedule of a function " + function + " in the template",
            "schedules", schedules.nextFirings().keySet())));
      }
      return Optional.of(Map.entry(200, Map.of("fired", fired.get())));
    }
    return Optional.empty();
  }

  /**
   * The metrics the functions have written since the start (or the last {@code reset()}), as CloudWatch
   * would count them from their EMF lines: {@code metrics().total("OrdersPlaced", Map.of("Channel", "site"))},
   * {@code metrics().totals()}. Also at {@code GET /_local/metrics}.
   */
  public EmfMetrics metrics() {
    return metrics;
  }

  /** {@code GET /_local/metrics}: totals by {@code Name{Dimension=value}} (Stage left out) and the EMF lines read. */
  private Map<String, Object> metricsView() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("namespace", dev.storeops.platform.metrics.Metrics.NAMESPACE);
    out.put("stage", STAGE);
    out.put("lines", metrics.lines());
    out.put("totals", metrics.totals());
    return out;
  }

  /** What {@code .local/endpoints.json} holds. */
  public Map<String, Object> endpoints() {
    Endpoints e = stack.endpoints();
    StackResources r = stack.resources();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiUrl", apiUrl());
    out.put("region", e.region());
    out.put("accessKeyId", e.accessKey());
    out.put("secretAccessKey", e.secretKey());
    Map<String, Object> endpoints = new LinkedHashMap<>();
    endpoints.put("dynamodb", e.dynamoDb().toString());
    endpoints.put("sqs", e.sqs().toString());
    endpoints.put("s3", e.s3().toString());
    endpoints.put("ses", e.ses().toString());
    out.put("endpoints", endpoints);
    Map<String, String> tables = new LinkedHashMap<>();
    plan.template().resourcesOfType("AWS::DynamoDB::Table").forEach(id -> tables.put(id, r.name(id)));
    out.put("tables", tables);
    Map<String, Object> queues = new LinkedHashMap<>();
    plan.template().resourcesOfType("AWS::SQS::Queue").forEach(id -> queues.put(id,
        Map.of("name", r.name(id), "url", r.queueUrl(id), "arn", r.queueArn(id))));
    out.put("queues", queues);
    Map<String, String> buckets = new LinkedHashMap<>();
    plan.template().resourcesOfType("AWS::S3::Bucket").forEach(id -> buckets.put(id, r.name(id)));
    out.put("buckets", buckets);
    out.put("staff", Map.of("id", staffId, "roles", staffRoles, "token", staffToken));
    List<Map<String, Object>> people = new ArrayList<>();
    for (DemoData.StaffMember m : DemoData.staff()) {
      people.add(Map.of("id", m.id(), "name", m.name(), "roles", m.roles(),
          "token", tokens.mint(m.id(), m.roles(), STAFF_TOKEN_VALIDITY)));
    }
    out.put("staffTokens", people);
    out.put("webhookSecret", secrets.webhookSecret());
    out.put("carrierWebhookSecret", carrierWebhookSecret(secrets));
    out.put("dataDir", config.dataDir() == null ? "in memory" : config.dataDir().toAbsolutePath().toString());
    return out;
  }

  private void writeEndpoints() {
    try {
      Files.createDirectories(endpointsFile.getParent());
      Files.writeString(endpointsFile, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(endpoints()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + endpointsFile, e);
    }
  }

  /** The short start-up banner. */
  /** The staff console's URL when the template serves it ({@code GET /console/{proxy+}}). */
  public Optional<String> consoleUrl() {
    return plan.routes().stream().anyMatch(r -> r.path().equals("/console/{proxy+}"))
        ? Optional.of(apiUrl() + "/console/") : Optional.empty();
  }

  public void printBanner(PrintStream out, double readySeconds) {
    Endpoints e = stack.endpoints();
    StackResources r = stack.resources();
    StringBuilder b = new StringBuilder();
    b.append("\nstoreops local: ").append(config.root().relativize(config.template().toAbsolutePath().normalize()))
        .append(", ").append(functions.size()).append(" function(s), ").append(plan.routes().size())
        .append(" route(s), ").append(plan.queues().size()).append(" SQS source(s), ").append(plan.buckets().size())
        .append(" S3 source(s), ").append(plan.streams().size()).append(" stream source(s), ")
        .append(plan.schedules().size()).append(" schedule(s)\n");
    b.append(String.format("  API       %s%n", apiUrl()));
    consoleUrl().ifPresent(url -> b.append(String.format("  console   %s (staff console: sign in as any demo person)%n", url)));
    b.append(String.format("  DynamoDB  %-24s %s%n", e.dynamoDb(), names(r, "AWS::DynamoDB::Table")));
    b.append(String.format("  SQS       %-24s %s%n", e.sqs(), names(r, "AWS::SQS::Queue")));
    b.append(String.format("  S3        %-24s %s%n", e.s3(), names(r, "AWS::S3::Bucket")));
    b.append(String.format("  SES       %-24s sent mail: %s/store%n", e.ses(), e.ses()));
    b.append(String.format("  SMS       sent SMS: %s/_local/sms%n", apiUrl()));
    b.append("  AWS CLI   AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1\n");
    b.append("  data      ").append(config.dataDir() == null ? "in memory (gone on exit; --data DIR keeps it)"
        : config.dataDir().toAbsolutePath()).append(demo == null ? ", no demo data" : ", demo data loaded").append('\n');
    b.append("  staff     ").append(staffId).append(" (owner) token (12 h): ").append(staffToken).append('\n');
    StringBuilder others = new StringBuilder();
    for (String role : List.of("manager", "warehouse", "marketing")) {
      DemoData.firstWith(role).ifPresent(m -> others.append(others.isEmpty() ? "" : ", ").append(m.id())
          .append(" (").append(role).append(')'));
    }
    b.append("            other roles: ./run-local token <staff-id>, e.g. ").append(others)
        .append("; any id: --role owner|manager|warehouse|marketing\n");
    b.append("  details   ").append(endpointsFile).append(" (endpoints, resource names, a token per demo person, webhook secret)\n");
    StringBuilder detail = new StringBuilder();
    phases.forEach((name, ms) -> detail.append(detail.isEmpty() ? "" : ", ").append(name).append(' ')
        .append(String.format("%.1f s", ms / 1000.0)));
    b.append(String.format("ready in %.1f s (%s). Ctrl-C stops.%n", readySeconds, detail));
    out.print(b);
    out.flush();
  }

  private String names(StackResources r, String type) {
    List<String> out = new ArrayList<>();
    for (String id : plan.template().resourcesOfType(type)) {
      out.add(id + "=" + r.name(id));
    }
    return String.join(" ", out);
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + gateway.port();
  }

  public AwsStack stack() {
    return stack;
  }

  /** The SQS event source mappings (driven mode: deliver with {@link SqsDelivery#deliverOnce}). */
  public List<SqsDelivery> sqsDeliveries() {
    return List.copyOf(sqsDeliveries);
  }

  /** The DynamoDB stream event source mappings (driven mode: {@link StreamDelivery#pollOnce}). */
  public List<StreamDelivery> streamDeliveries() {
    return List.copyOf(streamDeliveries);
  }

  /** The schedules (driven mode: {@link Schedules#fireDue()}). */
  public Schedules schedules() {
    return schedules;
  }

  /** S3 bucket notifications (driven mode: {@link S3Notifications#deliverPending()}). */
  public S3Notifications s3Notifications() {
    return notifications;
  }

  /** The template's functions by logical ID. */
  public Map<String, LocalFunction> functions() {
    return java.util.Collections.unmodifiableMap(functions);
  }

  public StaffTokens tokens() {
    return tokens;
  }

  public String staffToken() {
    return staffToken;
  }

  public List<String> warnings() {
    return plan.warnings();
  }

  public Path endpointsFile() {
    return endpointsFile;
  }

  @Override
  public synchronized void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        LOG.warn("stop failed", "error", String.valueOf(e.getMessage()));
      }
    }
    running.clear();
  }
}
