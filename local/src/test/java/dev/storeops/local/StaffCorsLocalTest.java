package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's template.yaml in local mode with AllowedOrigins set to '*' (as an operator may set it for the
 * storefront), asked as a browser asks: a preflight OPTIONS with Origin and Access-Control-Request-Method,
 * then the request with Origin. The storefront's routes answer '*'; the staff routes (StaffApi, its own
 * StaffAllowedOrigins) never do, and answer the console's listed origin only (docs/api.md#cors).
 */
class StaffCorsLocalTest {
  @TempDir
  static Path localDir;
  private static LocalRuntime runtime;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final String ELSEWHERE = "https://elsewhere.example";
  private static final String CONSOLE = "http://127.0.0.1:3000";

  @BeforeAll
  static void start() throws IOException {
    Path root = RepoRoot.find();
    String yaml = Files.readString(root.resolve("template.yaml"));
    String listed = "  AllowedOrigins:\n    Type: CommaDelimitedList\n    Default: 'http://localhost:3000,http://127.0.0.1:3000'\n";
    assertTrue(yaml.contains(listed), "template.yaml's AllowedOrigins parameter moved: update this test");
    Path star = localDir.resolve("template-star.yaml");
    Files.writeString(star, yaml.replace(listed, listed.replace("'http://localhost:3000,http://127.0.0.1:3000'", "'*'")));
    runtime = LocalRuntime.start(LocalConfig.defaults(root).withTemplate(star).withLocalDir(localDir.resolve("local"))
        .withPorts(0, 0, 0, 0, 0).withEmpty(true));
  }

  @AfterAll
  static void stop() {
    if (runtime != null) {
      runtime.close();
    }
  }

  @Test
  void aStorefrontRouteAnswersStar() throws Exception {
    var preflight = send("OPTIONS", "/orders", Map.of("Origin", ELSEWHERE, "Access-Control-Request-Method", "POST",
        "Access-Control-Request-Headers", "content-type,idempotency-key"));
    assertEquals(204, preflight.statusCode());
    assertEquals("*", allowOrigin(preflight).orElse(null));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Idempotency-Key"));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    var read = send("GET", "/stock/TEA-1", Map.of("Origin", ELSEWHERE));
    assertTrue(read.statusCode() == 200 || read.statusCode() == 404, read.body());
    assertEquals("*", allowOrigin(read).orElse(null));
  }

  @Test
  void aStaffRouteNeverAnswersStar() throws Exception {
    var preflight = send("OPTIONS", "/staff/orders", Map.of("Origin", ELSEWHERE, "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", "authorization"));
    assertEquals(Optional.empty(), allowOrigin(preflight));
    var list = send("GET", "/staff/orders?status=NEW", Map.of("Origin", ELSEWHERE, "Authorization", "Bearer " + runtime.staffToken()));
    assertEquals(200, list.statusCode(), list.body());
    assertEquals(Optional.empty(), allowOrigin(list));
    var console = send("GET", "/console/", Map.of("Origin", ELSEWHERE));
    assertEquals(Optional.empty(), allowOrigin(console));
  }

  @Test
  void aStaffRouteAnswersTheListedConsoleOrigin() throws Exception {
    var preflight = send("OPTIONS", "/staff/orders", Map.of("Origin", CONSOLE, "Access-Control-Request-Method", "GET",
        "Access-Control-Request-Headers", "authorization"));
    assertEquals(204, preflight.statusCode());
    assertEquals(CONSOLE, allowOrigin(preflight).orElse(null));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
    var list = send("GET", "/staff/orders?status=NEW", Map.of("Origin", CONSOLE, "Authorization", "Bearer " + runtime.staffToken()));
    assertEquals(200, list.statusCode(), list.body());
    assertEquals(CONSOLE, allowOrigin(list).orElse(null));
    assertEquals("Origin", list.headers().firstValue("Vary").orElse(null));
  }

  private static Optional<String> allowOrigin(HttpResponse<String> r) {
    return r.headers().firstValue("Access-Control-Allow-Origin");
  }

  private static HttpResponse<String> send(String method, String path, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.apiUrl() + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    b.method(method, HttpRequest.BodyPublishers.noBody());
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
