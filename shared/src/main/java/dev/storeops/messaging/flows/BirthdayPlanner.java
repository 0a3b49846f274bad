package dev.storeops.messaging.flows;

import dev.storeops.platform.Job;

import dev.storeops.customers.Customer;
import dev.storeops.messaging.Figure;
import dev.storeops.messaging.MailFigures;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.MailOutbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Birthday greeting rule, run daily: customers born on today's month-day in the shop's time zone (on
 * 28 February of a non-leap year also those born on 29 February) who gave marketing consent each get
 * a personal one-time promo code ({@code BIRTHDAY_DISCOUNT_PERCENT}, default 10%), valid {@link
 * #VALIDITY_DAYS} (14) days, today included, and a birthday mail intent.
 * Plain Java. A second run on the same day re-uses the stored code and enqueues only what the first
 * run did not; the sender's dedupe key ({@code birthday#<customer>#<year>}) stops doubles anyway.
 */
public final class BirthdayPlanner implements Job {
  public static final String FLOW = "birthday";
  public static final int VALIDITY_DAYS = 14;
  private static final Log LOG = Log.get(BirthdayPlanner.class);
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  /** Customers born on a month-day ({@code MM-dd}). */
  public interface Birthdays {
    List<Customer> bornOn(String monthDay);
  }

  /** A customer's birthday promo of one year. */
  public record Promo(String code, boolean mailQueued) {}

  /** The stored, unique, one-time birthday promo codes. */
  public interface PromoCodes {
    /** The customer's code for {@code year}: the stored one, else a new unique one. */
    Promo issue(String customerId, int year, int discountPercent, Instant expiresAt);

    void markMailQueued(String customerId, int year);
  }

  private final Birthdays birthdays;
  private final PromoCodes promos;
  private final MailOutbox outbox;
  private final MailFigures figures;
  private final Clock clock;
  private final ZoneId zone;
  private final int discountPercent;

  public BirthdayPlanner(Birthdays birthdays, PromoCodes promos, MailOutbox outbox, MailFigures figures,
      Clock clock, ZoneId zone, int discountPercent) {
    this.birthdays = birthdays;
    this.promos = promos;
    this.outbox = outbox;
    this.figures = figures;
    this.clock = clock;
    this.zone = zone;
    this.discountPercent = discountPercent;
  }

  /** The month-days whose customers celebrate on {@code today}. */
  public static List<String> monthDays(LocalDate today) {
    List<String> days = new ArrayList<>(List.of(today.format(MONTH_DAY)));
    if (!today.isLeapYear() && today.getMonthValue() == 2 && today.getDayOfMonth() == 28) {
      days.add("02-29");
    }
    return days;
  }

  @Override
  public Map<String, Object> run() {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate expiresOn = today.plusDays(VALIDITY_DAYS);
    Instant expiresAt = expiresOn.atStartOfDay(zone).toInstant();
    String validUntil = expiresOn.minusDays(1).toString();
    int found = 0;
    int noConsent = 0;
    int planned = 0;
    for (String monthDay : monthDays(today)) {
      for (Customer c : birthdays.bornOn(monthDay)) {
        found++;
        if (!c.marketingConsent()) {
          noConsent++;
          continue;
        }
        Promo promo = promos.issue(c.id(), today.getYear(), discountPercent, expiresAt);
        if (promo.mailQueued()) {
          continue;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customerName", c.name());
        data.put("promoCode", promo.code());
        data.put("discountText", discountPercent + "%");
        data.put("validUntil", validUntil);
        outbox.send(new MailIntent(FLOW + "#" + c.id() + "#" + today.getYear(), "birthday",
            MailIntent.Category.MARKETING, c.id(), c.email(), null, FLOW, data));
        promos.markMailQueued(c.id(), today.getYear());
        planned++;
      }
    }
    figures.add(FLOW, Figure.PLANNED, planned, today);
    figures.add(FLOW, Figure.SKIPPED_NO_CONSENT, noConsent, today);
    LOG.info("birthday flow planned", "day", today.toString(), "found", found, "planned", planned,
        "skippedNoConsent", noConsent);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("job", "birthday");
    result.put("day", today.toString());
    result.put("found", found);
    result.put("planned", planned);
    result.put("skippedNoConsent", noConsent);
    return result;
  }
}
