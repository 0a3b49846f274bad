package dev.storeops.unsubscribe;

import dev.storeops.messaging.sending.UnsubscribeTokens;

/** The small bilingual HTML pages of the unsubscribe link. */
final class Pages {
  private Pages() {}

  static String done(String shopUrl) {
    return page("Вы отписались / Unsubscribed",
        "Вы больше не будете получать рекламные письма. Письма о ваших заказах будут приходить как прежде.",
        "You will no longer receive marketing mail. Mail about your orders still arrives.", shopUrl);
  }

  static String refused(UnsubscribeTokens.Failure failure, String shopUrl) {
    return failure == UnsubscribeTokens.Failure.EXPIRED
        ? page("Ссылка устарела / Link expired",
            "Срок действия ссылки истёк. Отписаться можно по ссылке из более нового письма или в личном кабинете.",
            "This link has expired. Use the link in a newer mail or your account settings.", shopUrl)
        : page("Неверная ссылка / Invalid link",
            "Ссылка для отписки повреждена. Скопируйте её из письма целиком.",
            "This unsubscribe link is not valid. Copy the whole link from the mail.", shopUrl);
  }

  private static String page(String title, String ru, String en, String shopUrl) {
    String url = escape(shopUrl);
    return "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + title + "</title></head>\n"
        + "<body style=\"font-family:Arial,sans-serif;max-width:560px;margin:40px auto\">\n"
        + "<h1>" + title + "</h1>\n<p>" + ru + "</p>\n<p lang=\"en\">" + en + "</p>\n"
        + "<p><a href=\"" + url + "\">" + url + "</a></p>\n</body></html>\n";
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
