package dev.storeops.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The storefront's contract as local mode serves it: {@code GET /openapi.json} (openapi/openapi.yaml,
 * copied to the classpath by the build) and {@code GET /docs} (its Redoc page, built by
 * {@code tools/openapi-build} with the script inlined: no CDN). docs/api.md.
 */
final class ApiDocs {
  /** A static answer: content type and bytes. */
  record Page(String contentType, byte[] body) {}

  private final Optional<Page> json;
  private final Optional<Page> docs;

  private ApiDocs(Optional<Page> json, Optional<Page> docs) {
    this.json = json;
    this.docs = docs;
  }

  static ApiDocs fromClasspath() {
    Optional<Page> json = resource("openapi/openapi.yaml").map(yaml -> {
      try {
        return new Page("application/json", new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml)));
      } catch (IOException e) {
        throw new UncheckedIOException("openapi/openapi.yaml is not valid YAML", e);
      }
    });
    return new ApiDocs(json, resource("local/docs.html").map(html -> new Page("text/html; charset=utf-8", html)));
  }

  /** The page for {@code GET path}, if it is one of these. */
  Optional<Page> get(String path) {
    return switch (path) {
      case "/openapi.json" -> json;
      case "/docs", "/docs/" -> docs;
      default -> Optional.empty();
    };
  }

  private static Optional<byte[]> resource(String name) {
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
