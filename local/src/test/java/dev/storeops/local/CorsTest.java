package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** template.yaml's CORS comes from the AllowedOrigins parameter: explicit origins by default, '*' only when set. */
class CorsTest {
  private final SamTemplate template = SamTemplate.load(RepoRoot.find().resolve("template.yaml"));

  @Test
  void theDefaultListsExplicitOriginsNeverStar() {
    HttpGateway.Cors cors = LocalRuntime.cors(template, Map.of());
    assertEquals(List.of("http://localhost:3000", "http://127.0.0.1:3000"), cors.origins());
    assertEquals(true, cors.headers().contains("Authorization"));
  }

  @Test
  void theParameterSetsTheOrigins() {
    assertEquals(List.of("https://shop.example.com", "https://console.example.com"), LocalRuntime.cors(template,
        Map.of("AllowedOrigins", "https://shop.example.com, https://console.example.com")).origins());
    assertEquals(List.of("*"), LocalRuntime.cors(template, Map.of("AllowedOrigins", "*")).origins());
  }
}
