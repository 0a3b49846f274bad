package dev.storeops.staffapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import java.util.Locale;
import java.util.Map;

/** What every staff route needs from a request: the caller's id, and CSV or JSON. */
final class StaffRequests {
  private StaffRequests() {}

  /** The staff member's id: the JWT's {@code sub}. API Gateway rejects calls without a valid JWT first. */
  static String staffId(HttpRequest request) {
    String sub = request.jwtClaims().get("sub");
    if (sub == null || sub.isBlank()) {
      throw ApiException.unauthorized("A staff JWT with a sub claim is required.");
    }
    return sub;
  }

  /** {@code Accept: text/csv} asks for CSV; anything else gets JSON. */
  static boolean wantsCsv(HttpRequest request) {
    return request.header("Accept").map(a -> a.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false);
  }

  static APIGatewayV2HTTPResponse csv(String fileName, String body) {
    return HttpResponse.of(200, "text/csv", body,
        Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
  }
}
