package dev.storeops.fulfilment.providers;

import dev.storeops.fulfilment.ApplyPaymentEvent;
import dev.storeops.fulfilment.PaymentEvent;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.log.Log;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Receive Robokassa's ResultURL notification (form fields {@code OutSum}, {@code InvId},
 * {@code SignatureValue}, the shop's {@code Shp_order}, …): check {@link RobokassaSignature} with
 * Password#2, then apply a {@code succeeded} payment (event id {@code rk-<InvId>}, so a repeated
 * notification is a duplicate) to the order {@code Shp_order}. The answer Robokassa expects is
 * {@code OK<InvId>}; a wrong signature is refused (empty result) and nothing is read or written.
 */
public final class RobokassaResults {
  private static final Log LOG = Log.get(RobokassaResults.class);
  /** The shop parameter that carries the order id through Robokassa (signed). */
  public static final String ORDER_PARAM = "Shp_order";
  private static final Pattern INV_ID = Pattern.compile("[0-9]{1,19}");

  private final PaymentProviderSettings settings;
  private final RobokassaSignature signature;
  private final Function<PaymentEvent, ApplyPaymentEvent.Result> flow;

  public RobokassaResults(PaymentProviderSettings settings, Function<PaymentEvent, ApplyPaymentEvent.Result> flow) {
    this.settings = settings;
    this.signature = new RobokassaSignature(settings.robokassaHash());
    this.flow = flow;
  }

  /** The applied result, or empty when the signature is wrong (the caller answers 401). */
  public Optional<ApplyPaymentEvent.Result> receive(Map<String, String> form) {
    Validation v = new Validation();
    String outSum = form.get("OutSum");
    String invId = form.get("InvId");
    if (outSum == null || outSum.isBlank()) {
      v.error("OutSum", "is required");
    }
    if (invId == null || !INV_ID.matcher(invId).matches()) {
      v.error("InvId", "is required: Robokassa's invoice number");
    }
    if (form.get("SignatureValue") == null) {
      v.error("SignatureValue", "is required");
    }
    v.throwIfInvalid();
    Map<String, String> shp = new TreeMap<>();
    form.forEach((k, val) -> {
      if (k.startsWith("Shp_") || k.startsWith("shp_") || k.startsWith("SHP_")) {
        shp.put(k, val);
      }
    });
    if (!settings.robokassaConfigured()
        || !signature.resultValid(outSum, invId, settings.robokassaPassword2(), shp, form.get("SignatureValue"))) {
      LOG.warn("robokassa result refused: signature", "invId", invId);
      return Optional.empty();
    }
    String orderId = shp.get(ORDER_PARAM);
    if (orderId == null) {
      throw dev.storeops.platform.errors.Invalid.field(ORDER_PARAM, "is required: the order id the payment link carried");
    }
    return Optional.of(flow.apply(new PaymentEvent("rk-" + invId, PaymentEvent.Type.SUCCEEDED, orderId,
        "rk-" + invId, Amounts.minor(outSum, "OutSum"), "RUB")));
  }
}
