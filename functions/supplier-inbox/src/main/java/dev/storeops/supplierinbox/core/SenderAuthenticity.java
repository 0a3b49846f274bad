package dev.storeops.supplierinbox.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rule: a From address can be forged, so mail is taken only when SES's checks do not speak against it.
 * Quarantined: a virus verdict {@code FAIL}, a spam verdict {@code FAIL}, a DMARC {@code fail}, or
 * SES's {@code Authentication-Results} showing neither {@code spf=pass} nor {@code dkim=pass}. Mail
 * without these headers (local mode, where no SES receives it) is not judged.
 */
public final class SenderAuthenticity {
  private SenderAuthenticity() {}

  /** Why the mail must not be trusted; empty when it may be. */
  public static Optional<String> distrust(SupplierMail mail) {
    if ("FAIL".equalsIgnoreCase(mail.virusVerdict())) {
      return Optional.of("SES virus scan: FAIL");
    }
    if ("FAIL".equalsIgnoreCase(mail.spamVerdict())) {
      return Optional.of("SES spam verdict: FAIL");
    }
    List<String> ses = mail.authenticationResults().stream()
        .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
        .filter(h -> h.startsWith("amazonses.com")).toList();
    if (ses.isEmpty()) {
      return Optional.empty();
    }
    String results = String.join("; ", ses);
    if (results.contains("dmarc=fail")) {
      return Optional.of("sender not authenticated: DMARC fail");
    }
    if (!results.contains("spf=pass") && !results.contains("dkim=pass")) {
      return Optional.of("sender not authenticated: neither SPF nor DKIM passed");
    }
    return Optional.empty();
  }
}
