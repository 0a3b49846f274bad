package dev.storeops.ordering;

import dev.storeops.catalog.Identifiers;
import dev.storeops.catalog.DeliveryCalculator;

import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerRules;
import dev.storeops.platform.errors.Validation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of order requests and carts: every bad field named in one 400. Plain Java. */
public final class OrderRules {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,128}");

  private OrderRules() {}

  /**
   * Validates {@code r}; {@code allowedChannels} are the channels the caller may use (the storefront
   * only SITE, staff PHONE and EMAIL); the first one is the default when none is given.
   */
  public static ValidOrder validate(OrderRequest r, OrderLimits limits, List<Channel> allowedChannels) {
    Validation v = new Validation();
    String customerId = null;
    CustomerRegistration newCustomer = null;
    if (r.customerId() != null && !r.customerId().isBlank()) {
      customerId = r.customerId().trim();
      if (!Identifiers.validId(customerId)) {
        v.error("customerId", "is not a valid customer id");
      }
    } else if (r.customer() == null) {
      v.error("customer", "is required: give customerId, or customer with email, name and phone");
    } else {
      var c = r.customer();
      CustomerRules.validEmail(c.email(), "customer.email", v);
      CustomerRules.validName(c.name(), "customer.name", v);
      CustomerRules.validPhone(c.phone(), "customer.phone", v, true);
      if (c.locale() != null && !CustomerRules.LOCALES.contains(c.locale().trim().toLowerCase(Locale.ROOT))) {
        v.error("customer.locale", "must be one of en, ru");
      }
      newCustomer = new CustomerRegistration(c.email(), c.name(), c.phone(), null, c.marketingConsent(), c.locale());
    }

    List<ValidOrder.Line> lines = lines(r.lines(), limits, v, "lines");

    ValidOrder.DeliveryChoice delivery = null;
    if (r.delivery() == null) {
      v.error("delivery", "is required");
    } else {
      var d = r.delivery();
      String option = d.option() == null ? null : d.option().trim().toUpperCase(Locale.ROOT);
      if (option == null || option.isEmpty()) {
        v.error("delivery.option", "is required");
      } else if (!DeliveryCalculator.OPTION_IDS.contains(option)) {
        v.error("delivery.option", "must be one of " + String.join(", ", DeliveryCalculator.OPTION_IDS));
      }
      if (d.city() == null || d.city().isBlank()) {
        v.error("delivery.city", "is required");
      } else if (d.city().length() > 100) {
        v.error("delivery.city", "must be at most 100 characters");
      }
      boolean needsAddress = option != null && DeliveryCalculator.OPTION_IDS.contains(option) && !"PICKUP".equals(option);
      if (needsAddress && (d.address() == null || d.address().isBlank())) {
        v.error("delivery.address", "is required for " + option);
      } else if (d.address() != null && d.address().length() > 500) {
        v.error("delivery.address", "must be at most 500 characters");
      }
      delivery = new ValidOrder.DeliveryChoice(option, d.city() == null ? null : d.city().strip(),
          d.address() == null ? null : d.address().strip(), blankToNull(d.warehouse()));
    }

    PaymentMethod payment = null;
    if (r.paymentMethod() == null || r.paymentMethod().isBlank()) {
      v.error("paymentMethod", "is required");
    } else {
      payment = Arrays.stream(PaymentMethod.values())
          .filter(m -> m.name().equalsIgnoreCase(r.paymentMethod().trim())).findFirst().orElse(null);
      if (payment == null) {
        v.error("paymentMethod", "must be one of ONLINE_CARD, BANK_TRANSFER, CASH_ON_DELIVERY");
      }
    }

    Channel channel = allowedChannels.get(0);
    if (r.channel() != null && !r.channel().isBlank()) {
      channel = allowedChannels.stream().filter(c -> c.name().equalsIgnoreCase(r.channel().trim()))
          .findFirst().orElse(null);
      if (channel == null) {
        v.error("channel", "must be " + String.join(" or ", allowedChannels.stream().map(Enum::name).toList()));
      }
    }

    String cartId = blankToNull(r.cartId());
    if (cartId != null && !Identifiers.validId(cartId)) {
      v.error("cartId", "must be 1-64 characters of letters, digits, '-' and '_'");
    }
    String promoCode = promoCode(r.promoCode(), v);
    v.throwIfInvalid();
    return new ValidOrder(customerId, newCustomer, lines, delivery, payment, channel, cartId, promoCode);
  }

  /** A promo code as typed: trimmed, upper case, 3–32 of A-Z, 0-9 and '-'; blank is none. */
  static String promoCode(String raw, Validation v) {
    String code = blankToNull(raw);
    if (code == null) {
      return null;
    }
    code = code.strip().toUpperCase(Locale.ROOT);
    if (!PROMO_CODE.matcher(code).matches()) {
      v.error("promoCode", "must be 3 to 32 of letters, digits and '-'");
      return null;
    }
    return code;
  }

  /** The shape of every promo code (birthday codes {@code BD-…}, campaign codes). */
  public static final java.util.regex.Pattern PROMO_CODE = java.util.regex.Pattern.compile("[A-Z0-9][A-Z0-9-]{2,31}");

  /** Validates order or cart lines: 1..maxLines, known-shaped SKUs, no SKU twice, 1 ≤ qty ≤ max. */
  public static List<ValidOrder.Line> lines(List<OrderRequest.LineRequest> raw, OrderLimits limits, Validation v,
      String field) {
    List<ValidOrder.Line> lines = new ArrayList<>();
    if (raw == null || raw.isEmpty()) {
      v.error(field, "at least one line is required");
      return lines;
    }
    if (raw.size() > limits.maxLines()) {
      v.error(field, "at most " + limits.maxLines() + " lines per order (got " + raw.size() + ")");
      return lines;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      var line = raw.get(i);
      String at = field + "[" + i + "]";
      if (line == null) {
        v.error(at, "must be an object with sku and qty");
        continue;
      }
      String sku = line.sku() == null ? null : line.sku().trim();
      if (sku == null || sku.isEmpty()) {
        v.error(at + ".sku", "is required");
      } else if (!Identifiers.validSku(sku)) {
        v.error(at + ".sku", "is not a valid SKU");
      } else if (!seen.add(sku)) {
        v.error(at + ".sku", "is listed twice; put the whole quantity on one line");
      }
      if (line.qty() == null) {
        v.error(at + ".qty", "is required");
      } else if (line.qty() <= 0) {
        v.error(at + ".qty", "must be at least 1");
      } else if (line.qty() > limits.maxQtyPerLine()) {
        v.error(at + ".qty", "must be at most " + limits.maxQtyPerLine());
      }
      if (sku != null && line.qty() != null) {
        lines.add(new ValidOrder.Line(sku, line.qty()));
      }
    }
    return lines;
  }

  /** The Idempotency-Key header: required, 8–128 visible ASCII characters. */
  public static String idempotencyKey(String raw) {
    if (raw == null || raw.isBlank()) {
      Validation v = new Validation().error("Idempotency-Key", "header is required");
      v.throwIfInvalid();
    }
    String key = raw.trim();
    if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
      new Validation().error("Idempotency-Key", "must be 8-128 visible ASCII characters (a UUID is fine)")
          .throwIfInvalid();
    }
    return key;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
