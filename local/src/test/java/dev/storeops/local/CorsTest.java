package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's CORS, per API: the storefront's HttpApi from AllowedOrigins (explicit origins by default,
 * '*' only when set), the staff API from StaffAllowedOrigins, whatever AllowedOrigins says.
 */
class CorsTest {
  private final SamTemplate template = SamTemplate.load(RepoRoot.find().resolve("template.yaml"));

  @Test
  void theDefaultListsExplicitOriginsNeverStar() {
    HttpGateway.Cors cors = LocalRuntime.cors(template, "HttpApi", Map.of());
    assertEquals(List.of("http://localhost:3000", "http://127.0.0.1:3000"), cors.origins());
    assertTrue(cors.headers().contains("Idempotency-Key"));
    HttpGateway.Cors staff = LocalRuntime.cors(template, "StaffApi", Map.of());
    assertEquals(List.of("http://localhost:3000", "http://127.0.0.1:3000"), staff.origins());
    assertTrue(staff.headers().contains("Authorization"));
  }

  @Test
  void theParameterSetsTheStorefrontsOriginsOnly() {
    assertEquals(List.of("https://shop.example.com", "https://console.example.com"), LocalRuntime.cors(template, "HttpApi",
        Map.of("AllowedOrigins", "https://shop.example.com, https://console.example.com")).origins());
    assertEquals(List.of("*"), LocalRuntime.cors(template, "HttpApi", Map.of("AllowedOrigins", "*")).origins());
    List<String> staff = LocalRuntime.cors(template, "StaffApi", Map.of("AllowedOrigins", "*")).origins();
    assertEquals(List.of("http://localhost:3000", "http://127.0.0.1:3000"), staff);
    assertEquals(List.of("https://console.example.com"), LocalRuntime.cors(template, "StaffApi",
        Map.of("AllowedOrigins", "*", "StaffAllowedOrigins", "https://console.example.com")).origins());
  }

  @Test
  void corsConfigurationTrueMeansEveryOrigin() {
    SamTemplate t = SamTemplate.parse("""
        Resources:
          Api:
            Type: AWS::Serverless::HttpApi
            Properties:
              CorsConfiguration: true
          Quiet:
            Type: AWS::Serverless::HttpApi
            Properties: {}
        """);
    assertEquals(List.of("*"), LocalRuntime.cors(t, "Api", Map.of()).origins());
    assertFalse(LocalRuntime.cors(t, "Quiet", Map.of()).origins().contains("*"));
  }
}
