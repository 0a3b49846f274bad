package dev.storeops.stack.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.http.ResponseObserver;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every answer of every {@code platform/http/Router} against {@code openapi/openapi.yaml}
 * ({@link OpenApiContract}) when the system property {@code storeops.openapi.check} is {@code fail} —
 * as the build sets it for every test (parent pom, surefire). A violation is an {@link AssertionError}
 * thrown out of the handler call, so the test that produced the answer fails and names what drifted.
 * Registered with {@code META-INF/services}; without the property (local mode, a Lambda jar never has
 * it) it does nothing.
 */
public final class OpenApiContractObserver implements ResponseObserver {
  private static volatile OpenApiContract contract;
  private static final List<String> VIOLATIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Every violation seen in this JVM so far. Where a handler runs behind local mode's gateway the
   * {@link AssertionError} becomes a 500 answer; a test there asserts this list is empty to name the cause.
   */
  public static List<String> violations() {
    return List.copyOf(VIOLATIONS);
  }

  @Override
  public void observe(String routeKey, APIGatewayV2HTTPEvent request, APIGatewayV2HTTPResponse response) {
    String mode = System.getProperty("storeops.openapi.check", "");
    if (!mode.equals("fail") && !mode.startsWith("record:")) {
      return;
    }
    String body = response.getBody();
    if (body != null && response.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    if (mode.startsWith("record:")) {
      record(Path.of(mode.substring("record:".length())), routeKey, response, body);
      return;
    }
    List<String> wrong = contract().violations(routeKey, response.getStatusCode(), response.getHeaders(), body);
    if (!wrong.isEmpty()) {
      VIOLATIONS.addAll(wrong);
      throw new AssertionError("the answer breaks " + OpenApiContract.DOCUMENT + ":\n  " + String.join("\n  ", wrong)
          + "\n  body: " + (body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
    }
  }

  /** {@code record:FILE}: appends each answer as a JSON line (a help when describing a new route). */
  private static synchronized void record(Path file, String routeKey, APIGatewayV2HTTPResponse response, String body) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("route", routeKey);
    line.put("status", response.getStatusCode());
    line.put("headers", response.getHeaders());
    line.put("body", body);
    try {
      Files.writeString(file, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OpenApiContract contract() {
    OpenApiContract c = contract;
    if (c == null) {
      synchronized (OpenApiContractObserver.class) {
        if (contract == null) {
          contract = OpenApiContract.ofRepo();
        }
        c = contract;
      }
    }
    return c;
  }
}
