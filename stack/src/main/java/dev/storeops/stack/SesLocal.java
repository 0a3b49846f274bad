package dev.storeops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SES v2 emulator: the npm package {@code aws-ses-v2-local} (pinned in tools/package.json) run
 * as a child Node process on a loopback port. Installs it with {@code npm ci} on first use.
 */
public final class SesLocal implements AutoCloseable {
  private final Process process;
  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SesLocal(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  public static SesLocal start(Path repoRoot, int port) {
    Path tools = repoRoot.resolve("tools");
    Path cli = tools.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
    install(tools, cli);
    try {
      ProcessBuilder pb = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
          Integer.toString(port));
      pb.environment().put("AWS_SES_ACCOUNT", "{\"SendQuota\":{\"Max24HourSend\":50000,\"MaxSendRate\":14,\"SentLast24Hours\":0}}");
      pb.redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process process = pb.start();
      SesLocal ses = new SesLocal(process, URI.create("http://127.0.0.1:" + port));
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      Ports.awaitOpen(port, Duration.ofSeconds(20), "aws-ses-v2-local");
      return ses;
    } catch (IOException e) {
      throw new IllegalStateException("could not start node for aws-ses-v2-local: is Node.js >= 20.19 on PATH?", e);
    }
  }

  private static void install(Path tools, Path cli) {
    if (Files.exists(cli)) {
      return;
    }
    try (FileChannel lockFile = FileChannel.open(tools.resolve(".install.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      if (Files.exists(cli)) {
        return;
      }
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(tools.toFile()).redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes());
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(cli)) {
        throw new IllegalStateException("npm ci in " + tools + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not install aws-ses-v2-local with npm", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public List<SentMail> sentMail() {
    JsonNode store = get("/store");
    List<SentMail> out = new ArrayList<>();
    for (JsonNode e : store.path("emails")) {
      List<String> to = new ArrayList<>();
      e.path("destination").path("to").forEach(t -> to.add(t.asText()));
      Map<String, String> headers = new LinkedHashMap<>();
      e.path("headers").forEach(h -> headers.put(h.path("name").asText(), h.path("value").asText()));
      out.add(new SentMail(e.path("messageId").asText(), e.path("from").asText(), to,
          e.path("subject").asText(), textOrNull(e.path("body").path("text")),
          textOrNull(e.path("body").path("html")), headers));
    }
    return out;
  }

  public void clear() {
    send(HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonNode get(String path) {
    try {
      return Json.mapper().readTree(send(HttpRequest.newBuilder(endpoint.resolve(path)).GET()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String textOrNull(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
