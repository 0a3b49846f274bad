package dev.storeops.fulfilment;

import dev.storeops.catalog.Money;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderRules;
import dev.storeops.ordering.Tokens;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A return after delivery (staff API, docs/returns.md): records it as {@link ReturnPolicy} decides —
 * the return on the order and every returned unit restocked or written off in one transaction — then
 * sends the money back the way {@link RefundRoutePolicy} chose: the provider's refund API, or a task for
 * the owner to refund by hand. Idempotent by the request's Idempotency-Key: a repeat answers the same
 * return and, when its refund is still pending (the provider did not answer), tries the refund again
 * with the same idempotence key, so the money goes back once.
 */
public final class RegisterReturn {
  private static final Log LOG = Log.get(RegisterReturn.class);
  /** The assignee of a hand refund task: the owner's task list. */
  public static final String OWNER = "owner";
  static final Duration REFUND_TASK_DUE = Duration.ofDays(1);

  /** The return as recorded, and whether this call replayed an earlier one. */
  public record Result(OrderFile file, Map<String, Object> returned, boolean replayed) {}

  private final OrderMutations mutations;
  private final ReturnPolicy policy;
  private final RefundRoutePolicy routes;
  private final ProviderRefunds refunds;
  private final TaskService tasks;
  private final RefundNotice notice;
  private final Clock clock;

  /** @param refunds the provider's refund API, or null when none is configured (every refund is a task) */
  public RegisterReturn(OrderMutations mutations, ReturnPolicy policy, RefundRoutePolicy routes,
      ProviderRefunds refunds, TaskService tasks, RefundNotice notice, Clock clock) {
    this.mutations = mutations;
    this.policy = policy;
    this.routes = routes;
    this.refunds = refunds;
    this.tasks = tasks;
    this.notice = notice == null ? RefundNotice.NONE : notice;
    this.clock = clock;
  }

  /**
   * @param idempotencyKey the request's Idempotency-Key header (8–128 visible ASCII); the same key with
   *     another body is a 422
   */
  public Result register(String orderId, String by, ReturnPolicy.Request request, String idempotencyKey) {
    String key = OrderRules.idempotencyKey(idempotencyKey);
    String requestHash = requestHash(request);
    String keyHash = Tokens.sha256Hex("return|" + orderId + "|" + key);
    Instant now = clock.instant();
    OrderMutations.Result r = mutations.mutate(orderId,
        f -> policy.decide(f, request, keyHash, requestHash, routes.route(f, refunds != null), by, now));
    OrderFile file = r.file();
    Map<String, Object> record = ReturnPolicy.byKey(file, keyHash).orElseThrow();
    OrderFile settled = settle(file, record, by);
    return new Result(settled, ReturnPolicy.byKey(settled, keyHash).orElseThrow(), r.change() == null);
  }

  /** The request as parsed (lines in their order, reason), hashed: the same return asked twice hashes the same. */
  static String requestHash(ReturnPolicy.Request request) {
    try {
      return Tokens.sha256Hex(Json.mapper().writeValueAsString(request));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The returns of an order, oldest first (without their idempotency hashes). */
  public static List<Map<String, Object>> view(OrderFile f) {
    return f.returns().stream().map(RegisterReturn::view).toList();
  }

  public static Map<String, Object> view(Map<String, Object> record) {
    Map<String, Object> m = new LinkedHashMap<>(record);
    m.remove("idempotencyKey");
    m.remove("requestHash");
    return m;
  }

  @SuppressWarnings("unchecked")
  private OrderFile settle(OrderFile file, Map<String, Object> record, String by) {
    Map<String, Object> refund = (Map<String, Object>) record.get("refund");
    if (refund == null || !"pending".equals(refund.get("status"))) {
      return file;
    }
    Order o = file.order();
    String id = (String) record.get("id");
    long amount = ((Number) refund.get("amountMinor")).longValue();
    Map<String, Object> done = new LinkedHashMap<>(refund);
    done.put("at", clock.instant().toString());
    if (RefundRoutePolicy.YOOKASSA.equals(refund.get("method")) && refunds != null) {
      String paymentId = RefundRoutePolicy.paymentId(file.payments()).orElseThrow();
      ProviderRefunds.Refund made;
      try {
        made = refunds.refund(o.id() + "-" + id.replace('#', '-'), paymentId, amount, o.currency(),
            "Возврат по заказу " + o.number());
      } catch (Busy e) {
        LOG.warn("refund not made yet: the provider did not answer", "orderId", o.id(), "return", id);
        return file; // still pending: a repeat of the request (same key) tries again
      }
      done.put("refundId", made.id());
      done.put("status", made.status());
    } else {
      String taskId = "refund_" + o.id() + "_" + record.get("n");
      tasks.open(taskId, "refund", "Refund " + Money.rub(amount) + " to the customer of order " + o.number()
          + " (" + id + ")", o.id(), o.customerId(), OWNER, REFUND_TASK_DUE, by);
      done.put("taskId", taskId);
      done.put("status", "task");
    }
    OrderMutations.Result written = mutations.mutateFrom(file, f -> {
      for (int i = 0; i < f.returns().size(); i++) {
        Map<String, Object> ret = f.returns().get(i);
        if (id.equals(ret.get("id"))) {
          Map<String, Object> current = (Map<String, Object>) ret.get("refund");
          if (current == null || !"pending".equals(current.get("status"))) {
            return null; // settled by a concurrent repeat
          }
          Map<String, Object> replaced = new LinkedHashMap<>(ret);
          replaced.put("refund", done);
          return new OrderChange(f, clock.instant()).returnReplaced(i, replaced);
        }
      }
      return null;
    });
    if (written.change() != null && "succeeded".equals(done.get("status"))) {
      notice.refundMade(written.file().order(), amount, (String) done.get("refundId"));
    }
    return written.file();
  }
}
