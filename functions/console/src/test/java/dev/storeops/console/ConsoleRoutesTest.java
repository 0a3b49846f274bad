package dev.storeops.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleRoutesTest {
  private static final byte[] JS = "console.log('storeops')".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BROTLI = {11, 1, 2, 3};

  @TempDir
  Path dist;

  private Router router(Map<String, String> env) throws IOException {
    Files.createDirectories(dist.resolve("assets"));
    Files.writeString(dist.resolve("index.html"), "<!doctype html><html><head>"
        + "<meta name=\"storeops-config\" content=\"{}\" /><script type=\"module\" src=\"./assets/index-abc.js\"></script>"
        + "</head><body><div id=\"app\"></div></body></html>");
    Files.write(dist.resolve("assets/index-abc.js"), JS);
    Files.write(dist.resolve("assets/index-abc.js.br"), BROTLI);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(JS);
    }
    Files.write(dist.resolve("assets/index-abc.js.gz"), gz.toByteArray());
    return ConsoleRoutes.router(ConsoleAssets.read(dist), ConsoleSettings.from(Env.of(env)));
  }

  private static APIGatewayV2HTTPEvent event(String fixture, String proxy, String acceptEncoding) {
    APIGatewayV2HTTPEvent e = EventLoader.loadApiGatewayHttpEvent("events/console/" + fixture);
    if (proxy != null) {
      e.setPathParameters(Map.of("proxy", proxy));
      e.setRawPath("/dev/console/" + proxy);
    }
    if (acceptEncoding != null) {
      Map<String, String> headers = new HashMap<>(e.getHeaders());
      headers.put("accept-encoding", acceptEncoding);
      e.setHeaders(headers);
    }
    return e;
  }

  @Test
  void theShellCarriesTheSignInSettingsAndIsNeverCached() throws IOException {
    Router r = router(Map.of("CONSOLE_SIGN_IN", "cognito",
        "COGNITO_DOMAIN", "https://storeops-dev-1.auth.eu-central-1.amazoncognito.com", "COGNITO_CLIENT_ID", "client123"));
    APIGatewayV2HTTPResponse shell = r.handle(event("get-shell.json", null, null));
    assertEquals(200, shell.getStatusCode());
    assertEquals("no-cache", shell.getHeaders().get("Cache-Control"));
    assertTrue(shell.getHeaders().get("Content-Type").startsWith("text/html"));
    assertTrue(shell.getBody().contains("content=\"{&quot;signIn&quot;:&quot;cognito&quot;,"
        + "&quot;cognitoDomain&quot;:&quot;https://storeops-dev-1.auth.eu-central-1.amazoncognito.com&quot;,"
        + "&quot;cognitoClientId&quot;:&quot;client123&quot;,&quot;defaultLocale&quot;:&quot;ru&quot;}\""), shell.getBody());
    String csp = shell.getHeaders().get("Content-Security-Policy");
    assertTrue(csp.contains("script-src 'self';"), csp);
    assertTrue(csp.contains("connect-src 'self' https://storeops-dev-1.auth.eu-central-1.amazoncognito.com"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(shell.getBody().startsWith("<!doctype html><html><head><base href=\"/dev/console/\">"), shell.getBody());
    // the address without the slash and a deep link that reaches the server as a path get the same shell
    assertEquals(shell.getBody(), r.handle(event("get-console.json", null, null)).getBody());
    assertEquals(shell.getBody(), r.handle(event("get-shell.json", "orders", null)).getBody());
  }

  @Test
  void assetsAreCachedForAYearAndServedCompressedAsTheBrowserAccepts() throws IOException {
    Router r = router(Map.of("CONSOLE_SIGN_IN", "local"));
    APIGatewayV2HTTPResponse br = r.handle(event("get-asset.json", "assets/index-abc.js", "gzip, deflate, br"));
    assertEquals(200, br.getStatusCode());
    assertEquals("public, max-age=31536000, immutable", br.getHeaders().get("Cache-Control"));
    assertEquals("br", br.getHeaders().get("Content-Encoding"));
    assertEquals("Accept-Encoding", br.getHeaders().get("Vary"));
    assertTrue(br.getIsBase64Encoded());
    assertArrayEquals(BROTLI, Base64.getDecoder().decode(br.getBody()));
    assertEquals("text/javascript; charset=utf-8", br.getHeaders().get("Content-Type"));

    APIGatewayV2HTTPResponse gzip = r.handle(event("get-asset.json", "assets/index-abc.js", "gzip, br;q=0"));
    assertEquals("gzip", gzip.getHeaders().get("Content-Encoding"));

    APIGatewayV2HTTPResponse plain = r.handle(event("get-asset.json", "assets/index-abc.js", "identity"));
    assertNull(plain.getHeaders().get("Content-Encoding"));
    assertArrayEquals(JS, Base64.getDecoder().decode(plain.getBody()));
  }

  @Test
  void anUnknownFileIsA404() throws IOException {
    Router r = router(Map.of("CONSOLE_SIGN_IN", "local"));
    APIGatewayV2HTTPResponse missing = r.handle(event("get-asset.json", "assets/nothing.js", null));
    assertEquals(404, missing.getStatusCode());
    assertTrue(missing.getHeaders().get("Content-Type").startsWith("application/problem+json"));
  }

  @Test
  void localSignInPutsNoCognitoSettingsInThePage() throws IOException {
    APIGatewayV2HTTPResponse shell = router(Map.of("CONSOLE_SIGN_IN", "local", "COGNITO_DOMAIN", "https://x",
        "COGNITO_CLIENT_ID", "c")).handle(event("get-shell.json", null, null));
    assertTrue(shell.getBody().contains("&quot;signIn&quot;:&quot;local&quot;"));
    assertFalse(shell.getBody().contains("cognitoClientId"));
  }

  @Test
  void theBuiltConsoleIsInTheFunctionJarWithinItsBudget() {
    ConsoleAssets built = ConsoleAssets.fromClasspath();
    assertTrue(built.get("index.html").isPresent());
    long gzipped = 0;
    int scripts = 0;
    for (String name : new String(built.get("index.html").get().raw(), StandardCharsets.UTF_8).split("\"")) {
      if (name.startsWith("./assets/") && (name.endsWith(".js") || name.endsWith(".css"))) {
        ConsoleAssets.Asset a = built.get(name.substring(2)).orElseThrow(() -> new AssertionError(name + " not built"));
        assertTrue(a.gzip() != null && a.brotli() != null, name + " is not precompressed");
        gzipped += a.gzip().length;
        scripts++;
      }
    }
    assertTrue(scripts >= 2, "index.html names its script and style");
    assertTrue(gzipped <= 200 * 1024, "the console's entry JS + CSS is " + gzipped + " B gzipped");
  }
}
