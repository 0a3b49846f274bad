package dev.storeops.unsubscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.messaging.sending.UnsubscribeService;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Problem;
import dev.storeops.platform.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /unsubscribe?token=…}: the link in the mail body; unsubscribes and answers with an HTML
 * confirmation page. {@code POST /unsubscribe?token=…}: RFC 8058 one-click (body {@code
 * List-Unsubscribe=One-Click}), answers JSON. A bad or expired token is a 4xx: an HTML message for GET,
 * problem+json for POST.
 */
final class UnsubscribeRoutes {
  private UnsubscribeRoutes() {}

  static Router router(UnsubscribeService service, String shopUrl) {
    return new Router()
        .on("GET /unsubscribe", request -> {
          try {
            service.unsubscribe(request.query("token").orElse(null));
            return html(200, Pages.done(shopUrl));
          } catch (UnsubscribeTokens.InvalidTokenException e) {
            return html(status(e), Pages.refused(e.failure(), shopUrl));
          }
        })
        .on("POST /unsubscribe", request -> {
          String token = request.query("token").or(() -> formToken(request)).orElse(null);
          try {
            String customerId = service.unsubscribe(token);
            return HttpResponse.json(200, Map.of("status", "unsubscribed", "customerId", customerId));
          } catch (UnsubscribeTokens.InvalidTokenException e) {
            throw new ApiException(Problem.of(status(e), "unsubscribe-token-" + e.failure().name().toLowerCase(),
                e.failure() == UnsubscribeTokens.Failure.EXPIRED ? "Link expired" : "Invalid link",
                e.failure() == UnsubscribeTokens.Failure.EXPIRED
                    ? "This unsubscribe link has expired."
                    : "This unsubscribe link is not valid."));
          }
        });
  }

  private static int status(UnsubscribeTokens.InvalidTokenException e) {
    return e.failure() == UnsubscribeTokens.Failure.EXPIRED ? 410 : 400;
  }

  private static APIGatewayV2HTTPResponse html(int status, String body) {
    return HttpResponse.of(status, "text/html", body, Map.of("Cache-Control", "no-store"));
  }

  /** A token posted in a form body ({@code token=…}) instead of the query string. */
  private static Optional<String> formToken(HttpRequest request) {
    for (String pair : request.bodyText().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && "token".equals(pair.substring(0, eq))) {
        return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }
}
