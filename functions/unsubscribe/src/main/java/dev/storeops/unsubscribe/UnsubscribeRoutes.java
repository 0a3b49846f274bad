package dev.storeops.unsubscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.customers.ConfirmConsent;
import dev.storeops.messaging.sending.UnsubscribeService;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpRequest;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Problem;
import dev.storeops.platform.http.Router;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customer's consent links (RFC 8058 for unsubscribing):
 * <ul>
 *   <li>{@code GET /unsubscribe?token=…}: the link in the mail body; shows a page with a button and
 *       changes nothing (mail scanners prefetch links);</li>
 *   <li>{@code POST /unsubscribe}: the page's button (form field {@code token}) → HTML page; or the mail
 *       client's one-click request (token in the query, body {@code List-Unsubscribe=One-Click}) →
 *       JSON. Either unsubscribes;</li>
 *   <li>{@code GET /consent/confirm?token=…}: the double opt-in link; a page with a button, no change;</li>
 *   <li>{@code POST /consent/confirm}: confirms the marketing consent (time, request and link recorded).</li>
 * </ul>
 * A bad or expired unsubscribe token is a 4xx: an HTML message for a browser, problem+json for the
 * one-click POST. Responses never carry the customer id.
 */
final class UnsubscribeRoutes {
  private UnsubscribeRoutes() {}

  static Router router(UnsubscribeService service, ConfirmConsent consent, String shopUrl, String defaultLocale) {
    return new Router()
        .on("GET /unsubscribe", request -> {
          String lang = lang(request, defaultLocale);
          String token = request.query("token").orElse(null);
          try {
            service.check(token);
            return html(200, Pages.confirmUnsubscribe(lang, token, shopUrl));
          } catch (UnsubscribeTokens.InvalidTokenException e) {
            return html(status(e), Pages.refused(lang, e.failure(), shopUrl));
          }
        })
        .on("POST /unsubscribe", request -> {
          String lang = lang(request, defaultLocale);
          String token = request.query("token").or(() -> formField(request, "token")).orElse(null);
          boolean oneClick = isOneClick(request);
          try {
            service.unsubscribe(token, oneClick ? "one-click" : "unsubscribe-page", request.requestId());
          } catch (UnsubscribeTokens.InvalidTokenException e) {
            if (!oneClick) {
              return html(status(e), Pages.refused(lang, e.failure(), shopUrl));
            }
            throw new ApiException(Problem.of(status(e), "unsubscribe-token-" + e.failure().name().toLowerCase(Locale.ROOT),
                e.failure() == UnsubscribeTokens.Failure.EXPIRED ? "Link expired" : "Invalid link",
                e.failure() == UnsubscribeTokens.Failure.EXPIRED
                    ? "This unsubscribe link has expired."
                    : "This unsubscribe link is not valid."));
          }
          return oneClick
              ? HttpResponse.json(200, Map.of("status", "unsubscribed"))
              : html(200, Pages.unsubscribed(lang, shopUrl));
        })
        .on("GET /consent/confirm", request -> html(200,
            Pages.confirmConsent(lang(request, defaultLocale), request.query("token").orElse(""), shopUrl)))
        .on("POST /consent/confirm", request -> {
          String lang = lang(request, defaultLocale);
          String token = formField(request, "token").or(() -> request.query("token")).orElse(null);
          return consent.confirm(token, request.requestId()).isPresent()
              ? html(200, Pages.consentConfirmed(lang, shopUrl))
              : html(404, Pages.consentLinkRefused(lang, shopUrl));
        });
  }

  private static int status(UnsubscribeTokens.InvalidTokenException e) {
    return e.failure() == UnsubscribeTokens.Failure.EXPIRED ? 410 : 400;
  }

  private static String lang(HttpRequest request, String defaultLocale) {
    String lang = request.query("lang").orElse(defaultLocale);
    return "en".equals(lang) ? "en" : "ru";
  }

  private static APIGatewayV2HTTPResponse html(int status, String body) {
    return HttpResponse.of(status, "text/html", body, Map.of("Cache-Control", "no-store",
        "Referrer-Policy", "no-referrer", "X-Frame-Options", "DENY"));
  }

  /**
   * RFC 8058 one-click: the mail client POSTs {@code List-Unsubscribe=One-Click}, form-urlencoded or as
   * a multipart/form-data field; the page's own form posts only {@code token}.
   */
  private static boolean isOneClick(HttpRequest request) {
    String body = request.bodyText();
    return formField(request, "List-Unsubscribe").filter("One-Click"::equals).isPresent()
        || (body.contains("name=\"List-Unsubscribe\"") && body.contains("One-Click"));
  }

  /** A field of an {@code application/x-www-form-urlencoded} body. */
  private static Optional<String> formField(HttpRequest request, String name) {
    for (String pair : request.bodyText().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
        String value = URLDecoder.decode(pair.substring(eq + 1).strip(), StandardCharsets.UTF_8);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
