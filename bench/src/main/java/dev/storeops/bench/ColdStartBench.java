package dev.storeops.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.bench.coldstart.ColdStartChild;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.local.DemoData;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.orderapi.OrderApiHandler;
import dev.storeops.orderevents.OrderEventsHandler;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.EmbeddedBackend;
import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.standins.SmsRuStandIn;
import dev.storeops.stack.template.SamFunction;
import dev.storeops.stack.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Cold starts of every function of template.yaml (issue 18), measured as Lambda starts them: for each
 * run a new JVM with Lambda's flags ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}), the
 * function's shaded jar (CodeUri) as class path, the function's environment from template.yaml pointed
 * at the embedded stack this bench starts once (tables, queues, buckets; the demo data of local mode),
 * which builds the handler through its no-argument constructor and answers one real-shaped event from
 * {@code events/} that does real work (data seeded first), then a second one (warm). Per function it
 * prints the medians of: process start to first response, init (handler built), the first response
 * itself, the warm response, and the same with priming done in init ({@code -Dstoreops.primeInInit=true}:
 * the first response then stands in for the first one after a SnapStart restore). The same run measures an
 * empty handler and a one-GetItem handler the same way; ratios are to those.
 *
 * <p>Options: {@code --functions=OrderApiFunction,StaffApiFunction} (logical ids or jar names; default
 * all), {@code --runs=3}, {@code --java=/path/to/bin/java} (default: this JVM's), {@code --no-prime},
 * {@code --jvm-args="-XX:SharedArchiveFile=..."} (extra child flags, e.g. an AppCDS archive), {@code
 * --verbose} (child output and responses).
 */
public final class ColdStartBench {
  private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx900m");

  private final AwsStack stack;
  private final Path root;
  private final Path work;
  private final String javaBin;
  private final List<String> extraFlags;
  private final boolean verbose;
  private final DemoData demo;
  private final OrderApiHandler orderApi;
  private final OrderEventsHandler orderEvents;
  private final SmsRuStandIn smsRu;
  private int seq;

  /**
   * A bench on a started stack (the demo data loaded). Also the driver of {@code ShrunkJarsTest}, which runs
   * every function's final jar through {@link #answer} the same way.
   */
  ColdStartBench(AwsStack stack, Path root, Path work, String java, List<String> extraFlags, boolean verbose) {
    this.stack = stack;
    this.root = root;
    this.work = work;
    this.javaBin = java;
    this.extraFlags = extraFlags;
    this.verbose = verbose;
    this.smsRu = new SmsRuStandIn(root);
    this.demo = new DemoData(stack.dynamoDb(), stack.s3(), stack.tableName("StoreTable"),
        stack.bucketName("SupplierBucket"));
    demo.load();
    this.orderApi = new OrderApiHandler(stack.functionEnv("OrderApiFunction"));
    this.orderEvents = new OrderEventsHandler(stack.functionEnv("OrderEventsFunction"));
  }

  /** One child run's figures, milliseconds. */
  record Run(double total, double init, double first, double warm, int classes) {}

  /** One child run: its figures and what the function answered (the first and the warm response, one a line). */
  record Answer(Run run, String responses) {}

  /** Where the function jars are read from: template.yaml's CodeUri, or {@code --jar-dir=DIR} (DIR/NAME.jar). */
  private Path jarDir;

  /** The jar the bench runs for a function: its CodeUri, or NAME.jar in the {@code --jar-dir}. */
  Path jarOf(SamFunction f) {
    return jarDir == null ? root.resolve(String.valueOf(f.codeUri())) : jarDir.resolve(jarName(f) + ".jar");
  }

  /**
   * Runs one function in a child JVM on {@code jar}: handler built from template.yaml's environment, its
   * real-shaped event (data seeded first) answered twice. Throws when the child fails or answers a 5xx or a
   * failed batch item. Safe to call from several threads (the seeding is serialised, the children run in parallel).
   */
  Answer answer(SamFunction f, Path jar, boolean prime) throws Exception {
    Events events = events(f.logicalId());
    if (events == null) {
      throw new IllegalArgumentException(f.logicalId() + " has no real-shaped event in the cold-start bench");
    }
    String method = f.handler().substring(f.handler().indexOf("::") + 2);
    return call(jar, f.handlerClass(), method, environment(f.logicalId()), events, prime);
  }

  /**
   * Runs one function in a child JVM on {@code jar} with the given events (the first and the warm one) instead of
   * its bench event: {@code ShrunkJarsTest} feeds stock-import each file format and order-events a bank-transfer
   * order (its invoice) this way.
   */
  Answer answer(SamFunction f, Path jar, boolean prime, Events events) throws Exception {
    String method = f.handler().substring(f.handler().indexOf("::") + 2);
    return call(jar, f.handlerClass(), method, environment(f.logicalId()), events, prime);
  }

  /** {@code OrderCreated} on the order-events queue for an order placed through order-api in this JVM. */
  record PlacedOrder(String orderId, byte[] event) {}

  /** A new order paid by {@code paymentMethod} (e.g. BANK_TRANSFER: its invoice), and its OrderCreated event. */
  synchronized PlacedOrder orderCreated(String paymentMethod) {
    JsonNode order = placeOrder(paymentMethod);
    return new PlacedOrder(order.path("id").asText(), sqs(orderCreated(order)));
  }

  /** A stock file of a demo supplier put under {@code incoming/chaynaya-lavka/} and its ObjectCreated event. */
  synchronized byte[] stockFile(String extension, byte[] file) {
    String key = "incoming/chaynaya-lavka/shrunk-" + (++seq) + "." + extension;
    stack.s3().putObject(r -> r.bucket(stack.bucketName("SupplierBucket")).key(key), RequestBody.fromBytes(file));
    return s3Event("events/stock-import/object-created.json", key, file.length);
  }

  public static void main(String[] args) throws Exception {
    List<String> only = new ArrayList<>();
    int runs = 3;
    boolean prime = true;
    boolean verbose = false;
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jarDir = null;
    List<String> extra = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--functions=")) {
        for (String f : a.substring(12).split(",")) {
          if (!f.isBlank()) {
            only.add(f.strip());
          }
        }
      } else if (a.startsWith("--runs=")) {
        runs = Integer.parseInt(a.substring(7));
      } else if (a.startsWith("--jar-dir=")) {
        jarDir = Path.of(a.substring(10)).toAbsolutePath();
      } else if (a.startsWith("--java=")) {
        javaBin = a.substring(7);
      } else if (a.startsWith("--jvm-args=")) {
        extra.addAll(List.of(a.substring(11).trim().split("\\s+")));
      } else if (a.equals("--no-prime")) {
        prime = false;
      } else if (a.equals("--verbose")) {
        verbose = true;
      } else {
        throw new IllegalArgumentException("unknown option " + a
            + " (--functions=A,B --runs=N --java=PATH --jar-dir=DIR --jvm-args=\"...\" --no-prime --verbose)");
      }
    }
    extra.removeIf(String::isBlank);
    java.util.logging.Logger.getLogger("com.almworks.sqlite4java").setLevel(java.util.logging.Level.WARNING);
    Path root = RepoRoot.find();
    Path work = Files.createTempDirectory("coldstart");
    long started = System.nanoTime();
    try (AwsStack stack = AwsStack.start(EmbeddedBackend.start(root), SamTemplate.load(root.resolve("template.yaml")),
        AwsStack.TEST_PARAMETERS)) {
      ColdStartBench bench = new ColdStartBench(stack, root, work, javaBin, extra, verbose);
      bench.jarDir = jarDir;
      bench.run(only, runs, prime);
    }
    System.out.printf(Locale.ROOT, "whole run %.0f s%n", (System.nanoTime() - started) / 1e9);
    System.exit(0);
  }

  private void run(List<String> only, int runs, boolean prime) throws Exception {
    List<SamFunction> functions = new ArrayList<>();
    for (SamFunction f : stack.template().functions()) {
      String jar = jarName(f);
      if (only.isEmpty() || only.contains(f.logicalId()) || only.contains(jar)) {
        functions.add(f);
      }
    }
    System.out.printf(Locale.ROOT, "cold-start bench: %d runs each, %s %s%s%n", runs, javaBin,
        String.join(" ", LAMBDA_FLAGS), extraFlags.isEmpty() ? "" : " " + String.join(" ", extraFlags));
    // baselines: the order-api jar (SDK + DynamoDB client on the class path), the order-api event
    SamFunction reference = stack.template().function("OrderApiFunction");
    Path refJar = jarOf(reference);
    Map<String, String> refEnv = stack.functionEnvironment("OrderApiFunction");
    IntFunction<byte[]> pingEvent = i -> read("events/order-api/get-stock.json");
    Run empty = median(runs, i -> child(refJar, "dev.storeops.bench.coldstart.EmptyHandler", "handleRequest", refEnv,
        pingEvent, false));
    Run getItem = median(runs, i -> child(refJar, "dev.storeops.bench.coldstart.GetItemHandler", "handleRequest", refEnv,
        pingEvent, false));
    System.out.println();
    String header = String.format(Locale.ROOT, "%-24s %8s %8s %8s %8s %8s %7s %7s %9s %7s %9s",
        "function", "jar MB", "total", "init", "first", "warm", "classes", "xEmpty", "xGetItem",
        "primed", "1st after");
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    row("(empty handler)", refJar, empty, null, empty, getItem);
    row("(one-GetItem handler)", refJar, getItem, null, empty, getItem);
    for (SamFunction f : functions) {
      Events events = events(f.logicalId());
      if (events == null) {
        System.out.printf("%-24s (no real-shaped event: skipped)%n", f.logicalId());
        continue;
      }
      Path jar = jarOf(f);
      Map<String, String> env = environment(f.logicalId());
      String handler = f.handlerClass();
      String method = f.handler().substring(f.handler().indexOf("::") + 2);
      Run plain = median(runs, i -> child(jar, handler, method, env, events, false));
      Run primed = prime ? median(runs, i -> child(jar, handler, method, env, events, true)) : null;
      if (f.logicalId().equals("SmsSenderFunction") && smsRu.sent() != 2 * runs * (prime ? 2 : 1)) {
        throw new IllegalStateException("sms-sender sent " + smsRu.sent() + " SMS to the SMS.ru stand-in, expected "
            + 2 * runs * (prime ? 2 : 1) + " (two per child)");
      }
      row(f.logicalId(), jar, plain, primed, empty, getItem);
    }
    System.out.println();
    System.out.println("total = process start to first response; init = handler built; first = first event; "
        + "warm = second event; classes = loaded classes at exit; xEmpty/xGetItem = total / the baseline's total; "
        + "primed = total with -Dstoreops.primeInInit=true, '1st after' = its first response after init "
        + "(the stand-in for the first response after a SnapStart restore). Medians, ms.");
  }

  private void row(String name, Path jar, Run r, Run primed, Run empty, Run getItem) {
    double mb;
    try {
      mb = Files.size(jar) / 1e6;
    } catch (IOException e) {
      mb = Double.NaN;
    }
    System.out.printf(Locale.ROOT, "%-24s %8.1f %8.0f %8.0f %8.0f %8.0f %7d %7.2f %9.2f %7s %9s%n", name, mb,
        r.total(), r.init(), r.first(), r.warm(), r.classes(), r.total() / empty.total(), r.total() / getItem.total(),
        primed == null ? "-" : String.format(Locale.ROOT, "%.0f", primed.total()),
        primed == null ? "-" : String.format(Locale.ROOT, "%.0f", primed.first()));
    System.out.flush();
  }

  interface Child {
    Run run(int i) throws Exception;
  }

  private static Run median(int runs, Child child) throws Exception {
    List<Run> all = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      all.add(child.run(i));
    }
    return new Run(med(all, Run::total), med(all, Run::init), med(all, Run::first), med(all, Run::warm),
        (int) med(all, r -> r.classes()));
  }

  private static double med(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Two events per child: the first and the warm one. */
  interface Events extends IntFunction<byte[]> {}

  private Run child(Path jar, String handler, String method, Map<String, String> env, IntFunction<byte[]> events,
      boolean prime) throws Exception {
    return call(jar, handler, method, env, events, prime).run();
  }

  private Answer call(Path jar, String handler, String method, Map<String, String> env, IntFunction<byte[]> events,
      boolean prime) throws Exception {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build the functions first (mvn -o -B -q package -DskipTests)");
    }
    Path first;
    Path warm;
    Path output;
    synchronized (this) { // the seeding shares the stack's demo data and the sequence
      first = work.resolve("event-" + (++seq) + "-1.json");
      warm = work.resolve("event-" + seq + "-2.json");
      output = work.resolve("output-" + seq + ".json");
      Files.write(first, events.apply(0));
      Files.write(warm, events.apply(1));
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    cmd.addAll(LAMBDA_FLAGS);
    cmd.addAll(extraFlags);
    if (prime) {
      cmd.add("-Dstoreops.primeInInit=true");
    }
    cmd.add("-cp");
    cmd.add(jar + java.io.File.pathSeparator + location(LambdaEventSerializers.class) + java.io.File.pathSeparator
        + childJar());
    cmd.add(ColdStartChild.class.getName());
    cmd.addAll(List.of(handler, method, first.toString(), warm.toString(), output.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().putAll(env);
    pb.environment().remove("JAVA_TOOL_OPTIONS"); // its flags are on the command line (no "Picked up" line)
    long spawned = System.nanoTime();
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(handler + " failed:\n" + new String(out, StandardCharsets.UTF_8));
    }
    String text = new String(out, StandardCharsets.UTF_8);
    String line = text.lines().filter(l -> l.startsWith("COLDSTART ")).findFirst()
        .orElseThrow(() -> new IllegalStateException(handler + ": no COLDSTART line:\n" + text));
    Map<String, Long> v = new LinkedHashMap<>();
    for (String kv : line.substring(10).split(" ")) {
      v.put(kv.substring(0, kv.indexOf('=')), Long.parseLong(kv.substring(kv.indexOf('=') + 1)));
    }
    String responses = Files.readString(output);
    if (verbose) {
      System.out.println("---- " + handler + (prime ? " (primed)" : "") + "\n" + text + "responses: "
          + responses.substring(0, Math.min(600, responses.length())));
    }
    check(handler, responses);
    return new Answer(new Run(ms(v.get("firstEnd") - spawned), ms(v.get("init") - spawned),
        ms(v.get("firstEnd") - v.get("firstStart")), ms(v.get("warmEnd") - v.get("firstEnd")), v.get("classes").intValue()),
        responses);
  }

  private Path childJar;

  /**
   * The child's classes as a jar: an AppCDS archive ({@code -XX:ArchiveClassesAtExit}/{@code
   * -XX:SharedArchiveFile}) accepts only jars on the class path, and the bench runs from {@code target/classes}.
   */
  private synchronized String childJar() throws IOException {
    Path where = Path.of(location(ColdStartChild.class));
    if (!Files.isDirectory(where)) {
      return where.toString();
    }
    if (childJar == null) {
      // beside the classes, at a fixed path: an archive is used only with the class path it was dumped with
      childJar = where.getParent().resolve("coldstart-child.jar");
      Path dir = where.resolve("dev/storeops/bench/coldstart");
      try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(childJar));
          var files = Files.list(dir)) {
        for (Path f : files.filter(x -> x.toString().endsWith(".class")).sorted().toList()) {
          out.putNextEntry(new java.util.jar.JarEntry("dev/storeops/bench/coldstart/" + f.getFileName()));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
    }
    return childJar.toString();
  }

  /** A run counts only when the function did its work: no 5xx, no failed batch item. */
  private static void check(String handler, String responses) {
    for (String r : responses.split("\n")) {
      if (r.matches("(?s).*\"statusCode\"\\s*:\\s*5\\d\\d.*") || r.matches("(?s).*\"itemIdentifier\".*")) {
        throw new IllegalStateException(handler + " did not do its work: " + r);
      }
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String jarName(SamFunction f) {
    String uri = String.valueOf(f.codeUri());
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
  }

  // ---------------------------------------------------------------- real-shaped events, with their data

  private Events events(String function) {
    return switch (function) {
      case "OrderApiFunction" -> i -> {
        demo.load(); // stock back to the demo levels: every run places orders
        return newOrderEvent();
      };
      case "StaffApiFunction" -> i -> purchaseList();
      // the supplier's import reports: lists the bucket's reports/ (the S3 client staff-api no longer has)
      case "StaffFilesFunction" -> i -> read("events/staff-files/list-imports.json");
      case "OrderEventsFunction" -> i -> sqs(orderCreated(placeOrder()));
      case "EmailSenderFunction" -> i -> sqs(mailIntent());
      case "SesEventsFunction" -> i -> read("events/ses-events/complaint.json");
      case "CampaignsFunction" -> i -> read("events/campaigns/create-campaign.json");
      case "UnsubscribeFunction" -> i -> unsubscribe();
      case "ConsoleFunction" -> i -> read("events/console/get-console.json");
      case "PaymentWebhookFunction" -> i -> paymentSucceeded();
      case "SchedulerFunction" -> i -> "{\"job\":\"purchase-list\"}".getBytes(StandardCharsets.UTF_8);
      case "ReportsStreamFunction" -> i -> read("events/reports-stream/order-and-stock-changes.json");
      case "StockImportFunction" -> i -> stockFile();
      case "SupplierInboxFunction" -> i -> supplierMail();
      case "SupplierFeedsFunction" -> i -> "{}".getBytes(StandardCharsets.UTF_8);
      case "SmsSenderFunction" -> i -> smsIntent();
      default -> null;
    };
  }

  /**
   * The function's environment from template.yaml on the stack; sms-sender's provider is SMS.ru (as in its
   * tests, {@code SmsSenderTest}), pointed at the bench's local stand-in of SMS.ru's {@code /sms/send}.
   */
  private Map<String, String> environment(String function) {
    Map<String, String> env = new LinkedHashMap<>(stack.functionEnvironment(function));
    if (function.equals("SmsSenderFunction")) {
      env.put("SMS_PROVIDER", "smsru");
      env.put("SMSRU_BASE_URL", smsRu.baseUrl());
      env.put("SMSRU_API_ID", SmsRuStandIn.API_ID);
      env.put("SMS_SENDER_NAME", "MyShop");
    }
    return env;
  }

  /**
   * An SMS intent on the SmsQueue as the order flow writes it ({@code events/sms-sender/order-shipped.json}:
   * "order shipped", written by {@code SqsSmsOutbox}), with a new dedupe key and message id each time so
   * every child really sends (a repeated key would be a duplicate that sends nothing).
   */
  private byte[] smsIntent() {
    ObjectNode e = json("events/sms-sender/order-shipped.json");
    ObjectNode record = (ObjectNode) e.get("Records").get(0);
    try {
      ObjectNode intent = (ObjectNode) Json.mapper().readTree(record.get("body").asText());
      String order = "ord_bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      intent.put("dedupeKey", "order-shipped#" + order);
      ((ObjectNode) intent.get("params")).put("orderNumber", "261130-" + (++seq));
      record.put("body", Json.write(intent));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    record.put("messageId", UUID.randomUUID().toString());
    record.put("eventSourceARN", stack.resources().queueArn("SmsQueue"));
    return bytes(e);
  }

  private byte[] read(String file) {
    try {
      return Files.readAllBytes(root.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode json(String file) {
    try {
      return (ObjectNode) Json.mapper().readTree(read(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    return Json.write(node).getBytes(StandardCharsets.UTF_8);
  }

  /** POST /orders: a new idempotency key and customer each time, demo SKUs in stock. */
  private byte[] newOrderEvent() {
    return newOrderEvent("ONLINE_CARD");
  }

  private byte[] newOrderEvent(String paymentMethod) {
    ObjectNode e = json("events/order-api/create-order.json");
    ((ObjectNode) e.get("headers")).put("idempotency-key", UUID.randomUUID().toString());
    int n = ++seq;
    e.put("body", "{\"customer\":{\"email\":\"bench." + n + "@example.com\",\"name\":\"Ольга Смирнова\","
        + "\"phone\":\"+7 916 555-12-34\",\"locale\":\"ru\"},\"lines\":[{\"sku\":\"TEA-001\",\"qty\":1},"
        + "{\"sku\":\"CUP-001\",\"qty\":1}],\"delivery\":{\"option\":\"COURIER\",\"city\":\"Москва\","
        + "\"address\":\"ул. Тверская, 7, кв. 12\"},\"paymentMethod\":\"" + paymentMethod
        + "\",\"channel\":\"SITE\"}");
    return bytes(e);
  }

  /** An order placed through order-api in this JVM: {@code {id, accessToken, totalMinor}}. */
  private JsonNode placeOrder() {
    return placeOrder("ONLINE_CARD");
  }

  private JsonNode placeOrder(String paymentMethod) {
    demo.load();
    try {
      APIGatewayV2HTTPEvent event = Json.mapper().readValue(newOrderEvent(paymentMethod), APIGatewayV2HTTPEvent.class);
      APIGatewayV2HTTPResponse r = orderApi.handleRequest(event, null);
      if (r.getStatusCode() != 201) {
        throw new IllegalStateException("seeding an order failed: " + r.getStatusCode() + " " + r.getBody());
      }
      return Json.mapper().readTree(r.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String orderCreated(JsonNode order) {
    return Json.write(Map.of("type", "OrderCreated", "orderId", order.path("id").asText(),
        "accessToken", order.path("accessToken").asText(), "createdAt", Instant.now().toString()));
  }

  private byte[] sqs(String body) {
    ObjectNode e = json("events/order-events/order-created.json");
    ObjectNode record = (ObjectNode) e.get("Records").get(0);
    record.put("messageId", UUID.randomUUID().toString());
    record.put("body", body);
    return bytes(e);
  }

  /** A mail intent as order-events queues it: an order accepted in this JVM, its mail taken from the queue. */
  private String mailIntent() {
    String queue = stack.queueUrl("EmailQueue");
    for (int attempt = 0; attempt < 3; attempt++) {
      var messages = stack.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(1)).messages();
      if (!messages.isEmpty()) {
        stack.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(messages.get(0).receiptHandle()));
        return messages.get(0).body();
      }
      acceptOrder(placeOrder());
    }
    throw new IllegalStateException("no mail intent on the e-mail queue after seeding orders");
  }

  private void acceptOrder(JsonNode order) {
    SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
    m.setMessageId(UUID.randomUUID().toString());
    m.setBody(orderCreated(order));
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(m));
    orderEvents.handleRequest(event, null);
  }

  /** POST /payments/webhook "succeeded" for an order accepted in this JVM, signed with the stack's secret. */
  private byte[] paymentSucceeded() {
    JsonNode order = placeOrder();
    acceptOrder(order);
    String body = Json.write(Map.of("eventId", "evt_" + UUID.randomUUID(), "type", "succeeded",
        "orderId", order.path("id").asText(), "paymentId", "pay_" + (++seq),
        "amountMinor", order.path("totalMinor").asLong(order.path("total").path("amountMinor").asLong()),
        "currency", "RUB"));
    long now = Instant.now().getEpochSecond();
    String signature = new WebhookSignature(AwsStack.TEST_PARAMETERS.get("WebhookSecret"), Clock.systemUTC(),
        WebhookSignature.DEFAULT_TOLERANCE).sign(now, body.getBytes(StandardCharsets.UTF_8));
    ObjectNode e = json("events/payment-webhook/succeeded.json");
    ((ObjectNode) e.get("headers")).put("x-signature", signature);
    e.put("body", body);
    return bytes(e);
  }

  /** GET /staff/reports/purchase-list of a demo supplier: stock, sales and its lead time (from the table). */
  private byte[] purchaseList() {
    ObjectNode e = json("events/staff-api/get-purchase-list.json");
    e.put("rawQueryString", "supplier=chaynaya-lavka");
    ((ObjectNode) e.get("queryStringParameters")).put("supplier", "chaynaya-lavka");
    return bytes(e);
  }

  /** One-click unsubscribe of a demo customer with a token sealed by the function's own key. */
  private byte[] unsubscribe() {
    String token = UnsubscribeTokens.from(stack.functionEnv("UnsubscribeFunction"))
        .sign("cus_demo_anna", Instant.now().plus(1, ChronoUnit.DAYS));
    ObjectNode e = json("events/unsubscribe/post-one-click.json");
    e.put("rawQueryString", "token=" + token);
    ((ObjectNode) e.get("queryStringParameters")).put("token", token);
    return bytes(e);
  }

  /**
   * A stock file of a demo supplier uploaded to incoming/, and its ObjectCreated event: an XLSX (the
   * path through the trimmed commons-compress of the jar), three rows.
   */
  private byte[] stockFile() {
    String key = "incoming/chaynaya-lavka/bench-" + (++seq) + ".xlsx";
    java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
    try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(xlsx, "bench", "1.0")) {
      org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Остатки");
      String[][] rows = {{"артикул", "остаток", "наименование", "цена"}, {"TEA-001", "41", "Сенча", "520"},
          {"TEA-002", "9", "Улун", "1300"}, {"TEA-003", "много", "Пуэр", "800"}};
      for (int r = 0; r < rows.length; r++) {
        for (int c = 0; c < rows[r].length; c++) {
          ws.value(r, c, rows[r][c]);
        }
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] file = xlsx.toByteArray();
    stack.s3().putObject(r -> r.bucket(stack.bucketName("SupplierBucket")).key(key), RequestBody.fromBytes(file));
    return s3Event("events/stock-import/object-created.json", key, file.length);
  }

  /** A supplier's mail as SES stores it under inbox/, and its ObjectCreated event. */
  private byte[] supplierMail() {
    String key = "inbox/bench" + (++seq);
    byte[] mail = new String(read("events/supplier-inbox/supplier-mail.eml"), StandardCharsets.UTF_8)
        .replace("Message-ID: <1c-20261130-0915-0001@", "Message-ID: <bench-" + seq + "@")
        .getBytes(StandardCharsets.UTF_8);
    stack.s3().putObject(r -> r.bucket(stack.bucketName("SupplierBucket")).key(key), RequestBody.fromBytes(mail));
    return s3Event("events/supplier-inbox/mail-stored.json", key, mail.length);
  }

  private byte[] s3Event(String file, String key, int size) {
    ObjectNode e = json(file);
    ObjectNode s3 = (ObjectNode) ((ArrayNode) e.get("Records")).get(0).get("s3");
    ((ObjectNode) s3.get("bucket")).put("name", stack.bucketName("SupplierBucket"));
    ((ObjectNode) s3.get("bucket")).put("arn", "arn:aws:s3:::" + stack.bucketName("SupplierBucket"));
    ((ObjectNode) s3.get("object")).put("key", key).put("size", size);
    return bytes(e);
  }
}
