package dev.storeops.sim.invariants;

import dev.storeops.messaging.sms.SmsPolicy;
import dev.storeops.sim.ShopState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each shipped order is told once (docs/notifications.md, docs/simulation.md): per order that was SHIPPED
 * (a delivered or refused parcel was shipped too) whose customer has an e-mail and a phone and no SMS
 * opt-out, exactly one mail SES accepted with the key {@code order-shipped#<orderId>} and exactly one SMS
 * the local provider recorded ({@code LocalSmsLog}: "Заказ N отправлен…" / "Order N shipped…" to the
 * customer's phone) with its send-log entry {@code MAILLOG#sms#order-shipped#<orderId>} {@code SENT}; the
 * same for {@code order-delivered#} of the DELIVERED orders; no such mail or SMS for an order never
 * shipped (or never delivered).
 *
 * <p>Judged an hour after the move (the notices travel through the queues). In a run without faults each
 * notice is there exactly once. Under faults a sender that crashed between the provider's answer and its
 * record leaves the key {@code SENDING} and never sends again (at most once, docs/notifications.md): then
 * none or one is right, two never; a notice whose send log says {@code SENT} is there exactly once in
 * either run. A mail the send log skipped (a suppressed address after a bounce) is not expected.
 */
public final class ShippedNoticesInvariant implements Invariant {
  static final Duration GRACE = Duration.ofHours(1);

  @Override
  public String name() {
    return "shipped orders told once";
  }

  @Override
  public List<String> check(ShopState state) {
    ShopState.Notices n = state.notices();
    List<String> broken = new ArrayList<>();
    // indexed once per check: mails by dedupe key, SMS by notice and order number (the text's second word)
    Map<String, Long> mailsByKey = state.mails().stream().filter(m -> m.key() != null)
        .collect(Collectors.groupingBy(ShopState.Mail::key, Collectors.counting()));
    Map<String, List<ShopState.Sms>> smsByNotice = new HashMap<>();
    for (ShopState.Sms s : n.sms()) {
      String[] words = s.text().split(" ", 3);
      for (Notice notice : Notice.values()) {
        if (words.length == 3 && notice.matches(s.text(), words[1])) {
          smsByNotice.computeIfAbsent(notice.key + "#" + words[1], k -> new ArrayList<>()).add(s);
        }
      }
    }
    for (ShopState.OrderRow o : state.orders()) {
      String number = n.orderNumbers().get(o.id());
      ShopState.Contact c = n.customers().get(o.customerId());
      for (Notice notice : Notice.values()) {
        Optional<Instant> moved = o.history().stream().filter(h -> h.status().equals(notice.status))
            .map(ShopState.Change::at).findFirst();
        String key = notice.key + "#" + o.id();
        long mails = mailsByKey.getOrDefault(key, 0L);
        List<ShopState.Sms> sent = number == null ? List.of() : smsByNotice.getOrDefault(notice.key + "#" + number, List.of());
        long sms = sent.size();
        if (moved.isEmpty()) {
          if (mails > 0 || sms > 0) {
            broken.add(o.id() + " (" + o.status() + ", never " + notice.status + "): " + mails + " mail(s) and " + sms
                + " SMS " + notice.key);
          }
          continue;
        }
        boolean judged = !moved.get().plus(GRACE).isAfter(state.at());
        String mailLog = n.sendLog().get(key);
        String smsLog = n.sendLog().get("sms#" + key);
        check(broken, o.id() + " " + notice.key + " mail", mails, mailLog, judged && n.lossless()
            && c != null && c.email() != null && !"SKIPPED".equals(mailLog));
        boolean smsExpected = c != null && !c.smsOptedOut() && c.phone() != null
            && SmsPolicy.normalise(c.phone()).isPresent();
        check(broken, o.id() + " " + notice.key + " SMS", sms, smsLog, judged && n.lossless() && smsExpected);
        if (sms > 0 && smsExpected) {
          String phone = SmsPolicy.normalise(c.phone()).orElseThrow();
          sent.stream().filter(s -> !phone.equals(s.phone()))
              .forEach(s -> broken.add(o.id() + " " + notice.key + " SMS " + s.id() + " went to " + s.phone()
                  + ", not to the customer's phone"));
        }
        if (sms > 0 && !smsExpected) {
          broken.add(o.id() + " " + notice.key + ": " + sms + " SMS to a customer without a phone or who opted out");
        }
      }
    }
    return broken;
  }

  /** {@code expected}: exactly one must be there; else at most one, and exactly one when the log says SENT. */
  private static void check(List<String> broken, String what, long count, String log, boolean expected) {
    if (count > 1) {
      broken.add(what + ": sent " + count + " times (send log " + log + ")");
    } else if (count == 0 && (expected || "SENT".equals(log))) {
      broken.add(what + ": never sent (send log " + (log == null ? "has no entry" : log) + ")");
    }
  }

  /** The two notices judged, with the status that triggers them and the start of their SMS texts. */
  private enum Notice {
    SHIPPED("SHIPPED", "order-shipped", " отправлен", " shipped"),
    DELIVERED("DELIVERED", "order-delivered", " доставлен", " delivered");

    final String status;
    final String key;
    final String ru;
    final String en;

    Notice(String status, String key, String ru, String en) {
      this.status = status;
      this.key = key;
      this.ru = ru;
      this.en = en;
    }

    /** Whether an SMS text is this notice of order {@code number} (messaging/sms/SmsTexts). */
    boolean matches(String text, String number) {
      return text.startsWith("Заказ " + number + ru) || text.startsWith("Order " + number + en);
    }
  }
}
