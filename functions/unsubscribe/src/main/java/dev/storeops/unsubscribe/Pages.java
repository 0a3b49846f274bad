package dev.storeops.unsubscribe;

import dev.storeops.messaging.sending.UnsubscribeTokens;

/**
 * The small HTML pages of the unsubscribe and consent-confirmation links, in the shop's language (ru
 * or en: the link's {@code lang}, else the shop's default). A page that asks carries a form whose
 * button POSTs the token back (a relative action, so it works under the API's stage path): a GET
 * never changes anything (RFC 8058: link scanners prefetch).
 */
final class Pages {
  private Pages() {}

  static String confirmUnsubscribe(String lang, String token, String shopUrl) {
    return en(lang)
        ? form("en", "Unsubscribe from marketing mail?",
            "Press the button to stop receiving our offers and news. Mail about your orders still arrives.",
            "Unsubscribe", "unsubscribe", token, shopUrl)
        : form("ru", "Отписаться от рассылки?",
            "Нажмите кнопку, чтобы больше не получать наши предложения и новости. Письма о ваших заказах будут приходить как прежде.",
            "Отписаться", "unsubscribe", token, shopUrl);
  }

  static String unsubscribed(String lang, String shopUrl) {
    return en(lang)
        ? page("en", "Unsubscribed", "You will no longer receive marketing mail. Mail about your orders still arrives.", shopUrl)
        : page("ru", "Вы отписались",
            "Вы больше не будете получать рекламные письма. Письма о ваших заказах будут приходить как прежде.", shopUrl);
  }

  static String refused(String lang, UnsubscribeTokens.Failure failure, String shopUrl) {
    if (failure == UnsubscribeTokens.Failure.EXPIRED) {
      return en(lang)
          ? page("en", "Link expired", "This link has expired. Use the link in a newer mail or your account settings.", shopUrl)
          : page("ru", "Ссылка устарела",
              "Срок действия ссылки истёк. Отписаться можно по ссылке из более нового письма или в личном кабинете.", shopUrl);
    }
    return en(lang)
        ? page("en", "Invalid link", "This unsubscribe link is not valid. Copy the whole link from the mail.", shopUrl)
        : page("ru", "Неверная ссылка", "Ссылка для отписки повреждена. Скопируйте её из письма целиком.", shopUrl);
  }

  static String confirmConsent(String lang, String token, String shopUrl) {
    return en(lang)
        ? form("en", "Confirm your subscription",
            "Press the button to confirm that you want to receive our offers and news by e-mail. You can unsubscribe at any time.",
            "Yes, subscribe me", "confirm", token, shopUrl)
        : form("ru", "Подтвердите подписку",
            "Нажмите кнопку, чтобы подтвердить, что хотите получать наши предложения и новости по e-mail. Отписаться можно в любой момент.",
            "Да, подписаться", "confirm", token, shopUrl);
  }

  static String consentConfirmed(String lang, String shopUrl) {
    return en(lang)
        ? page("en", "Subscription confirmed", "Thank you! You will receive our offers and news.", shopUrl)
        : page("ru", "Подписка подтверждена", "Спасибо! Вы будете получать наши предложения и новости.", shopUrl);
  }

  static String consentLinkRefused(String lang, String shopUrl) {
    return en(lang)
        ? page("en", "Link not valid", "This confirmation link is not valid, was already used or has expired.", shopUrl)
        : page("ru", "Ссылка недействительна", "Ссылка для подтверждения неверна, уже использована или устарела.", shopUrl);
  }

  private static boolean en(String lang) {
    return "en".equals(lang);
  }

  private static String form(String lang, String title, String text, String button, String action, String token,
      String shopUrl) {
    String body = "<p>" + text + "</p>\n<form method=\"post\" action=\"" + escape(action) + "?lang=" + lang + "\">\n"
        + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">\n"
        + "<button type=\"submit\" style=\"font-size:16px;padding:8px 20px\">" + button + "</button>\n</form>\n";
    return html(lang, title, body, shopUrl);
  }

  private static String page(String lang, String title, String text, String shopUrl) {
    return html(lang, title, "<p>" + text + "</p>\n", shopUrl);
  }

  private static String html(String lang, String title, String body, String shopUrl) {
    String url = escape(shopUrl);
    return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\">"
        + "<title>" + title + "</title></head>\n"
        + "<body style=\"font-family:Arial,sans-serif;max-width:560px;margin:40px auto\">\n"
        + "<h1>" + title + "</h1>\n" + body
        + "<p><a href=\"" + url + "\">" + url + "</a></p>\n</body></html>\n";
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
