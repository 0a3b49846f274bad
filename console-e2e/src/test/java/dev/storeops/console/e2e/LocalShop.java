package dev.storeops.console.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.local.LocalConfig;
import dev.storeops.local.LocalRuntime;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Local mode with the real template.yaml, started once for all console tests of this JVM (free ports,
 * demo data, a fresh .local dir), stopped when the JVM ends. The console is at {@link #consoleUrl()}.
 */
final class LocalShop {
  private static LocalShop instance;

  private final LocalRuntime runtime;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalShop(LocalRuntime runtime) {
    this.runtime = runtime;
  }

  static synchronized LocalShop get() {
    if (instance == null) {
      try {
        Path localDir = Files.createTempDirectory("console-e2e-local");
        LocalRuntime runtime = LocalRuntime.start(LocalConfig.defaults(RepoRoot.find()).withLocalDir(localDir)
            .withPorts(0, 0, 0, 0, 0));
        instance = new LocalShop(runtime);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "console-e2e-local-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  String apiUrl() {
    return runtime.apiUrl();
  }

  String consoleUrl() {
    return runtime.consoleUrl().orElseThrow(() -> new IllegalStateException("template.yaml serves no console"));
  }

  /** A staff token for a demo person in their roles, as the local sign-in page gets it. */
  String token(String staffId) {
    List<String> roles = dev.storeops.local.DemoData.staff().stream().filter(m -> m.id().equals(staffId))
        .findFirst().orElseThrow().roles();
    return runtime.tokens().mint(staffId, roles, Duration.ofHours(1));
  }

  /** A call to the API as a client of its own (test setup: placing orders as the storefront does). */
  HttpResponse<String> send(String method, String path, String token, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiUrl() + path)).timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (method.equals("POST")) {
      b.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LocalRuntime runtime() {
    return runtime;
  }
}
