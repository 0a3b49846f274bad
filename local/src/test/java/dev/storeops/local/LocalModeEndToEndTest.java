package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.RepoRoot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Starts local mode in this JVM with a test template (the real order-api function plus recording
 * functions on S3, SQS and schedules) and drives it as a user would: over HTTP and the S3/SQS APIs,
 * at the endpoints local mode wrote to endpoints.json.
 */
class LocalModeEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  @TempDir
  static Path localDir;
  private static LocalRuntime runtime;
  private static JsonNode endpoints;
  private static S3Client s3;
  private static SqsClient sqs;
  private static String bucket;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    Path root = RepoRoot.find();
    Path template = Path.of("src/test/resources/local-test-template.yaml").toAbsolutePath();
    if (!Files.exists(template)) {
      template = root.resolve("local/src/test/resources/local-test-template.yaml");
    }
    runtime = LocalRuntime.start(LocalConfig.defaults(root).withTemplate(template).withLocalDir(localDir)
        .withPorts(0, 0, 0, 0, 0).withClockSpeed(60).withS3RetryDelayMillis(100));
    endpoints = Json.mapper().readTree(runtime.endpointsFile().toFile());
    Env clientEnv = Env.of(Map.of("AWS_REGION", endpoints.path("region").asText(),
        "AWS_ACCESS_KEY_ID", endpoints.path("accessKeyId").asText(),
        "AWS_SECRET_ACCESS_KEY", endpoints.path("secretAccessKey").asText(),
        "AWS_ENDPOINT_URL_S3", endpoints.path("endpoints").path("s3").asText(),
        "AWS_ENDPOINT_URL_SQS", endpoints.path("endpoints").path("sqs").asText()));
    s3 = new AwsClients(clientEnv).s3();
    sqs = new AwsClients(clientEnv).sqs();
    bucket = endpoints.path("buckets").path("TestBucket").asText();
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
    // every answer of the real functions behind the gateway kept openapi/openapi.yaml (docs/api.md)
    assertEquals(List.of(), dev.storeops.stack.http.OpenApiContractObserver.violations());
  }

  @Test
  void endpointsFileListsEverything() {
    assertEquals(runtime.apiUrl(), endpoints.path("apiUrl").asText());
    assertEquals("storeops-local-e2e", endpoints.path("tables").path("StoreTable").asText());
    assertTrue(endpoints.path("queues").path("WorkQueue").path("url").asText().startsWith("http://127.0.0.1:"));
    assertTrue(endpoints.path("queues").has("WorkDLQ"));
    assertFalse(bucket.isBlank());
    assertEquals(runtime.staffToken(), endpoints.path("staff").path("token").asText());
    assertTrue(endpoints.path("webhookSecret").asText().length() >= 32);
    assertTrue(endpoints.path("endpoints").path("dynamodb").asText().startsWith("http://127.0.0.1:"));
  }

  @Test
  void registersACustomerThroughTheRealOrderApi() throws Exception {
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    var created = send("POST", "/customers", Map.of("Content-Type", "application/json"),
        "{\"email\":\"" + email + "\",\"name\":\"Анна Тестова\",\"phone\":\"+79161234567\",\"locale\":\"ru\"}");
    assertEquals(201, created.statusCode(), created.body());
    String id = Json.mapper().readTree(created.body()).path("id").asText();
    assertEquals("/customers/" + id, created.headers().firstValue("Location").orElseThrow());

    assertEquals(404, send("GET", "/customers/" + id, Map.of(), null).statusCode(), "no token, no profile");
    String token = Json.mapper().readTree(created.body()).path("accessToken").asText();
    var fetched = send("GET", "/customers/" + id, Map.of("X-Customer-Token", token), null);
    assertEquals(200, fetched.statusCode());
    assertEquals(email, Json.mapper().readTree(fetched.body()).path("email").asText());

    var duplicate = send("POST", "/customers", Map.of("Content-Type", "application/json"),
        "{\"email\":\"" + email.toUpperCase() + "\",\"name\":\"Другая\",\"phone\":\"+79161234568\"}");
    assertEquals(409, duplicate.statusCode());

    JsonNode change = awaitJson("seen/stream/INSERT/CUSTOMER#" + id + ".json");
    assertEquals("Анна Тестова", change.path("name").asText());
    assertEquals("NEW_AND_OLD_IMAGES", change.path("viewType").asText());
    assertTrue(change.path("eventSourceArn").asText().contains("storeops-local-e2e"));

    var invalid = send("POST", "/customers", Map.of("Content-Type", "application/json"), "{\"email\":\"nope\"}");
    assertEquals(400, invalid.statusCode());
    assertTrue(invalid.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
  }

  @Test
  void smsTheLocalProviderRecordedAreShownAtLocalSms() throws Exception {
    // sms-sender runs in local mode with SmsProvider=local: what it "sends" is recorded in this JVM
    String id = dev.storeops.messaging.sms.LocalSmsLog.provider().send("+79031112233",
        "Заказ 261130-E2E отправлен: CDEK, трек 1234567890", "storeops");
    var listed = send("GET", "/_local/sms", Map.of(), null);
    assertEquals(200, listed.statusCode(), listed.body());
    JsonNode mine = null;
    for (JsonNode m : Json.mapper().readTree(listed.body()).path("messages")) {
      if (m.path("id").asText().equals(id)) {
        mine = m;
      }
    }
    assertEquals("+79031112233", mine.path("phone").asText());
    assertEquals("Заказ 261130-E2E отправлен: CDEK, трек 1234567890", mine.path("text").asText());
    assertEquals("storeops", mine.path("sender").asText());
    assertEquals(1, mine.path("segments").asInt());
  }

  @Test
  void demoDataIsLoaded() throws Exception {
    var anna = send("GET", "/customers/cus_demo_anna", Map.of("X-Customer-Token", "demo-anna-token"), null);
    assertEquals(200, anna.statusCode(), anna.body());
    assertEquals("anna@example.com", Json.mapper().readTree(anna.body()).path("email").asText());
  }

  @Test
  void buildsARealShapedHttpApiEvent() throws Exception {
    var r = send("GET", "/echo/Hello%20World?a=1&a=2&b=x%2By", Map.of("X-Custom", "v1"), null);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("yes", r.headers().firstValue("X-Echo").orElseThrow());
    JsonNode echo = Json.mapper().readTree(r.body());
    assertEquals("ANY /echo/{name}", echo.path("routeKey").asText());
    assertEquals("/echo/Hello%20World", echo.path("rawPath").asText());
    assertEquals("a=1&a=2&b=x%2By", echo.path("rawQueryString").asText());
    assertEquals("1,2", echo.path("queryStringParameters").path("a").asText());
    assertEquals("x+y", echo.path("queryStringParameters").path("b").asText());
    assertEquals("Hello World", echo.path("pathParameters").path("name").asText());
    assertEquals("v1", echo.path("headers").path("x-custom").asText());
    assertEquals("GET", echo.path("method").asText());
    assertEquals("local", echo.path("stage").asText());
    assertFalse(echo.path("requestId").asText().isBlank());

    var literal = send("GET", "/echo/literal", Map.of(), null);
    assertEquals("GET /echo/literal", Json.mapper().readTree(literal.body()).path("routeKey").asText());

    var binary = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.apiUrl() + "/echo/bin"))
        .header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 255})).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode b = Json.mapper().readTree(binary.body());
    assertEquals("ANY /echo/{name}", b.path("routeKey").asText());
    assertTrue(b.path("isBase64Encoded").asBoolean());
    assertEquals(4, b.path("bodyBytes").asInt());

    var missing = send("GET", "/nowhere", Map.of(), null);
    assertEquals(404, missing.statusCode());
    assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
  }

  @Test
  void servesTheContractAndItsReferencePage() throws Exception {
    var json = send("GET", "/openapi.json", Map.of(), null);
    assertEquals(200, json.statusCode());
    assertEquals("application/json", json.headers().firstValue("Content-Type").orElseThrow());
    JsonNode document = Json.mapper().readTree(json.body());
    assertEquals("3.1.0", document.path("openapi").asText());
    assertTrue(document.path("paths").has("/orders"), json.body());
    var docs = send("GET", "/docs", Map.of(), null);
    assertEquals(200, docs.statusCode());
    assertTrue(docs.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertTrue(docs.body().contains("storeops HTTP API"));
    // Redoc's script is in the page: nothing is loaded from a CDN
    assertTrue(!docs.body().contains("<script src=\"http"), "the page loads a script from elsewhere");
  }

  @Test
  void eachRouteAnswersCorsAsItsOwnApiDoes() throws Exception {
    // the test template: Globals.HttpApi allows '*' (the storefront's HttpApi inherits it); StaffApi lists
    // https://console.example only. One port serves both, each route answering as its API would on AWS.
    Map<String, String> from = Map.of("Origin", "https://elsewhere.example");
    var open = send("GET", "/echo/literal", from, null);
    assertEquals("*", open.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    var staff = send("GET", "/staff/whoami", Map.of("Origin", "https://elsewhere.example",
        "Authorization", "Bearer " + runtime.staffToken()), null);
    assertEquals(200, staff.statusCode());
    assertEquals(Optional.empty(), staff.headers().firstValue("Access-Control-Allow-Origin"));
    var preflight = send("OPTIONS", "/staff/whoami", Map.of("Origin", "https://elsewhere.example",
        "Access-Control-Request-Method", "GET"), null);
    assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Origin"));
    var publicPreflight = send("OPTIONS", "/echo/literal", Map.of("Origin", "https://elsewhere.example",
        "Access-Control-Request-Method", "GET"), null);
    assertEquals("*", publicPreflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    // the staff API's own origin: echoed, with the Globals' headers and methods merged under it
    var consolePreflight = send("OPTIONS", "/staff/whoami", Map.of("Origin", "https://console.example",
        "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"), null);
    assertEquals(204, consolePreflight.statusCode());
    assertEquals("https://console.example", consolePreflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("Content-Type,Authorization", consolePreflight.headers().firstValue("Access-Control-Allow-Headers").orElse(null));
    var console = send("GET", "/staff/whoami", Map.of("Origin", "https://console.example",
        "Authorization", "Bearer " + runtime.staffToken()), null);
    assertEquals("https://console.example", console.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void staffRoutesNeedAValidLocalJwt() throws Exception {
    var none = send("GET", "/staff/whoami", Map.of(), null);
    assertEquals(401, none.statusCode());
    assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElseThrow());
    String token = runtime.staffToken();
    String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    assertEquals(401, send("GET", "/staff/whoami", Map.of("Authorization", "Bearer " + tampered), null).statusCode());

    var ok = send("GET", "/staff/whoami", Map.of("Authorization", "Bearer " + token), null);
    assertEquals(200, ok.statusCode(), ok.body());
    // the banner's token is the owner's; the gateway passes cognito:groups as API Gateway does
    assertEquals("owner-elena", Json.mapper().readTree(ok.body()).path("claims").path("sub").asText());
    assertEquals("[owner]", Json.mapper().readTree(ok.body()).path("claims").path("cognito:groups").asText());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = LocalMode.run(new String[] {"token", "mgr-pavel", "--local-dir", localDir.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
    assertEquals(0, code);
    String minted = out.toString(StandardCharsets.UTF_8).trim();
    var pavel = send("GET", "/staff/whoami", Map.of("Authorization", "Bearer " + minted), null);
    assertEquals("mgr-pavel", Json.mapper().readTree(pavel.body()).path("claims").path("sub").asText());
    assertEquals("[manager]", Json.mapper().readTree(pavel.body()).path("claims").path("cognito:groups").asText());

    // anyone else in the roles given; an unknown id without --role is refused
    out.reset();
    assertEquals(0, LocalMode.run(new String[] {"token", "wh-new", "--role", "warehouse", "--role", "marketing",
        "--local-dir", localDir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of()));
    var roles = send("GET", "/staff/whoami", Map.of("Authorization", "Bearer " + out.toString(StandardCharsets.UTF_8).trim()), null);
    assertEquals("[warehouse marketing]", Json.mapper().readTree(roles.body()).path("claims").path("cognito:groups").asText());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(64, LocalMode.run(new String[] {"token", "wh-new", "--local-dir", localDir.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--role"), err.toString(StandardCharsets.UTF_8));
    assertEquals(64, LocalMode.run(new String[] {"token", "x", "--role", "admin", "--local-dir", localDir.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of()));
  }

  @Test
  void metricsTheFunctionsWriteArePrintedPerInvocationAndTotalledOverHttpAndInProcess() throws Exception {
    send("DELETE", "/_local/metrics", Map.of(), null);
    PrintStream previous = System.out;
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    // watch what local mode prints, still passing it on (local mode reads the EMF lines from there)
    System.setOut(new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        previous.write(b);
        seen.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        previous.write(b, off, len);
        seen.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8));
    try {
      assertEquals(204, send("POST", "/count/PHONE", Map.of(), null).statusCode());
      assertEquals(204, send("POST", "/count/phone", Map.of(), null).statusCode());
      assertEquals(204, send("POST", "/count/site", Map.of(), null).statusCode());
    } finally {
      System.setOut(previous);
    }
    List<String> summaries = seen.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("metrics: ")).toList();
    assertEquals(List.of("metrics: CountingFunction OrdersPlaced{Channel=phone}=1",
        "metrics: CountingFunction OrdersPlaced{Channel=phone}=1",
        "metrics: CountingFunction OrdersPlaced{Channel=site}=1"), summaries);

    JsonNode totals = Json.mapper().readTree(send("GET", "/_local/metrics", Map.of(), null).body());
    assertEquals("storeops", totals.path("namespace").asText());
    assertEquals(3, totals.path("lines").asLong());
    assertEquals(2, totals.path("totals").path("OrdersPlaced{Channel=phone}").asLong());
    assertEquals(1, totals.path("totals").path("OrdersPlaced{Channel=site}").asLong());
    assertEquals(3, runtime.metrics().total("OrdersPlaced"));
    assertEquals(2, runtime.metrics().total("OrdersPlaced", Map.of("Channel", "phone", "Stage", LocalRuntime.STAGE)));
  }

  @Test
  void objectPutIntoTheBucketRunsTheS3Function() throws Exception {
    s3.putObject(b -> b.bucket(bucket).key("incoming/acme/ignored.txt"), RequestBody.fromString("not a csv"));
    s3.putObject(b -> b.bucket(bucket).key("incoming/acme/stock list.csv"), RequestBody.fromString("sku;qty\nA;1\n"));
    JsonNode seen = awaitJson("seen/s3/incoming/acme/stock list.csv.json");
    assertEquals("ObjectCreated:Put", seen.path("eventName").asText());
    assertEquals("aws:s3", seen.path("eventSource").asText());
    assertEquals(bucket, seen.path("bucket").asText());
    assertEquals("incoming/acme/stock+list.csv", seen.path("key").asText());
    assertEquals(12, seen.path("size").asLong());

    // multipart, as `aws s3 cp` does for big files
    String key = "incoming/acme/big.csv";
    String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    byte[] part1 = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(part1, (byte) 'x');
    String e1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(1), RequestBody.fromBytes(part1)).eTag();
    String e2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(2), RequestBody.fromString("tail")).eTag();
    s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(
        CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
    JsonNode big = awaitJson("seen/s3/incoming/acme/big.csv.json");
    assertEquals("ObjectCreated:CompleteMultipartUpload", big.path("eventName").asText());
    assertEquals(part1.length + 4, big.path("size").asLong());

    assertTrue(keys("seen/s3/incoming/acme/ignored").isEmpty(), "a .txt file does not match the suffix filter");
  }

  @Test
  void messagesReachTheSqsFunctionAndAPoisonMessageEndsInTheDlq() throws Exception {
    String queue = endpoints.path("queues").path("WorkQueue").path("url").asText();
    String dlq = endpoints.path("queues").path("WorkDLQ").path("url").asText();
    String good = sqs.sendMessage(b -> b.queueUrl(queue).messageBody("hello")).messageId();
    String poison = sqs.sendMessage(b -> b.queueUrl(queue).messageBody("poison")).messageId();

    JsonNode seen = awaitJson("seen/sqs/" + good + ".json");
    assertEquals("hello", seen.path("body").asText());
    assertEquals("aws:sqs", seen.path("eventSource").asText());
    assertEquals(endpoints.path("queues").path("WorkQueue").path("arn").asText(), seen.path("eventSourceArn").asText());

    Message dead = await("the poison message in the DLQ", () -> {
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages();
      return got.stream().filter(m -> m.messageId().equals(poison)).findFirst().orElse(null);
    });
    assertEquals("poison", dead.body());
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertNotNull(awaitJson("seen/sqs-failed/" + poison + "-" + attempt + ".json"));
    }
    assertTrue(keys("seen/sqs-failed/" + poison + "-4").isEmpty(), "no fourth delivery after maxReceiveCount 3");
    assertTrue(keys("seen/sqs/" + poison).isEmpty());
  }

  @Test
  void tableChangesReachTheStreamFunctionAndAFailingRecordGoesToTheOnFailureQueue() throws Exception {
    var poison = send("POST", "/customers", Map.of("Content-Type", "application/json"),
        "{\"email\":\"poison-" + UUID.randomUUID() + "@example.com\",\"name\":\"Poison Stream\",\"phone\":\"+79160000000\"}");
    assertEquals(201, poison.statusCode(), poison.body());
    String id = Json.mapper().readTree(poison.body()).path("id").asText();
    String failures = endpoints.path("queues").path("StreamFailures").path("url").asText();
    Message failure = await("the stream batch reported on the OnFailure queue", () -> {
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(failures).waitTimeSeconds(1)).messages();
      return got.isEmpty() ? null : got.get(0);
    });
    JsonNode info = Json.mapper().readTree(failure.body());
    assertEquals("RetryAttemptsExhausted", info.path("requestContext").path("condition").asText());
    assertTrue(info.path("DDBStreamBatchInfo").path("streamArn").asText().contains("storeops-local-e2e"));
    assertEquals(3, keys("seen/stream-failed/CUSTOMER#" + id + "/").size(), "the first try and 2 retries");
    assertTrue(keys("seen/stream/INSERT/CUSTOMER#" + id).isEmpty());
  }

  @Test
  void schedulesFireOnTheirClockAndOnDemand() throws Exception {
    var fired = send("POST", "/_local/schedules/ScheduleFunction?event=Nightly", Map.of(), null);
    assertEquals(200, fired.statusCode(), fired.body());
    JsonNode result = Json.mapper().readTree(fired.body()).path("fired").get(0);
    assertEquals("Nightly", result.path("event").asText());
    assertEquals("ok", result.path("outcome").asText());
    List<String> nightly = await("the Nightly input recorded", () -> {
      List<String> k = keys("seen/schedule/input-nightly/");
      return k.isEmpty() ? null : k;
    });
    JsonNode input = Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(nightly.get(0))).asByteArray());
    assertEquals("nightly", input.path("job").asText());

    // rate(1 minute) at 60x speed: fires about every second on its own, as a Scheduled Event
    List<String> ticks = await("EveryMinute fired by the clock", () -> {
      List<String> k = keys("seen/schedule/scheduled-event/");
      return k.size() >= 2 ? k : null;
    });
    JsonNode tick = Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(ticks.get(0))).asByteArray());
    assertEquals("Scheduled Event", tick.path("detail-type").asText());
    assertEquals("aws.events", tick.path("source").asText());

    assertEquals(404, send("POST", "/_local/schedules/NoSuchFunction", Map.of(), null).statusCode());
  }

  private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> keys(String prefix) {
    List<String> out = new ArrayList<>();
    for (S3Object o : s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents()) {
      out.add(o.key());
    }
    return out;
  }

  private static JsonNode awaitJson(String key) throws IOException {
    await(key, () -> keys(key).contains(key) ? key : null);
    return Json.mapper().readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
  }

  private static <T> T await(String what, Supplier<T> probe) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
  }
}
