package dev.storeops.ordering.promo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.errors.Conflict;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each promo rule on its own, the order they are checked in, and how the discount is spread over the lines. */
class PromoRulesTest {
  private static final Instant NOW = Instant.parse("2031-03-10T10:00:00Z");

  private static PromoCode code(Integer percent, Long amount, long min, Instant from, Instant until, Integer maxUses,
      long uses, String owner, boolean oncePerCustomer) {
    return new PromoCode("SPRING-10", owner == null ? PromoCode.CAMPAIGN : PromoCode.BIRTHDAY,
        owner == null ? "cmp_1" : null, owner, percent, amount, min, from, until, maxUses, uses, oncePerCustomer);
  }

  private static Checkout checkout(String customer, long items, boolean used) {
    return new Checkout(customer, items, NOW, used);
  }

  private static Optional<PromoRejection.Reason> reason(PromoRule rule, PromoCode c, Checkout k) {
    return rule.check(c, k).map(PromoRejection::reason);
  }

  @Test
  void validityIsFromValidFromUntilBeforeExpiresAt() {
    PromoRule rule = new PromoValidityPolicy();
    assertEquals(Optional.empty(), reason(rule, code(10, null, 0, NOW, NOW.plusSeconds(1), null, 0, null, false),
        checkout("c", 1, false)));
    assertEquals(Optional.of(PromoRejection.Reason.NOT_YET_VALID), reason(rule,
        code(10, null, 0, NOW.plusSeconds(1), null, null, 0, null, false), checkout("c", 1, false)));
    assertEquals(Optional.of(PromoRejection.Reason.EXPIRED), reason(rule,
        code(10, null, 0, null, NOW, null, 0, null, false), checkout("c", 1, false)));
  }

  @Test
  void aPersonalCodeOnlyForItsOwner() {
    PromoCode birthday = code(10, null, 0, null, null, 1, 0, "cus_ann", false);
    assertEquals(Optional.empty(), reason(new PromoOwnerPolicy(), birthday, checkout("cus_ann", 1, false)));
    assertEquals(Optional.of(PromoRejection.Reason.NOT_YOURS),
        reason(new PromoOwnerPolicy(), birthday, checkout("cus_bob", 1, false)));
    assertEquals(Optional.empty(), reason(new PromoOwnerPolicy(), code(10, null, 0, null, null, null, 0, null, false),
        checkout("cus_bob", 1, false)), "a campaign code is anyone's");
  }

  @Test
  void usesUpToTheLimitAndOncePerCustomer() {
    PromoRule limit = new PromoUsageLimitPolicy();
    assertEquals(Optional.empty(), reason(limit, code(10, null, 0, null, null, 3, 2, null, false), checkout("c", 1, false)));
    assertEquals(Optional.of(PromoRejection.Reason.USED),
        reason(limit, code(10, null, 0, null, null, 3, 3, null, false), checkout("c", 1, false)));
    assertEquals(Optional.empty(), reason(limit, code(10, null, 0, null, null, null, 999, null, false),
        checkout("c", 1, false)), "unlimited");
    PromoRule once = new PromoOncePerCustomerPolicy();
    assertEquals(Optional.of(PromoRejection.Reason.USED_BY_YOU),
        reason(once, code(10, null, 0, null, null, null, 0, null, true), checkout("c", 1, true)));
    assertEquals(Optional.empty(), reason(once, code(10, null, 0, null, null, null, 0, null, false), checkout("c", 1, true)));
  }

  @Test
  void theMinimumIsOnTheGoodsBeforeTheDiscount() {
    PromoRule min = new PromoMinimumOrderPolicy();
    PromoCode c = code(null, 50_000L, 300_000, null, null, null, 0, null, false);
    assertEquals(Optional.of(PromoRejection.Reason.BELOW_MINIMUM), reason(min, c, checkout("c", 299_999, false)));
    assertEquals(Optional.empty(), reason(min, c, checkout("c", 300_000, false)));
  }

  @Test
  void theCheckNamesTheFirstRefusalAsA409OnPromoCode() {
    PromoCodes codes = new PromoCodes() {
      @Override
      public Optional<PromoCode> find(String code) {
        return Optional.ofNullable(Map.of("USED-ONE", code(10, null, 0, null, NOW.minusSeconds(1), 1, 1, null, false))
            .get(code));
      }

      @Override
      public boolean usedBy(String code, String customerId) {
        return false;
      }
    };
    Conflict unknown = assertThrows(Conflict.class, () -> new PromoCheck(codes).accept("NOPE", "c", 1, NOW));
    assertEquals("promo-code-unknown", unknown.code());
    assertEquals("promoCode", unknown.errors().get(0).field());
    Conflict expired = assertThrows(Conflict.class, () -> new PromoCheck(codes).accept("USED-ONE", "c", 1, NOW));
    assertEquals("promo-code-expired", expired.code(), "validity is checked before the uses");
  }

  @Test
  void aPercentIsOfTheGoodsAnAmountAtMostTheGoodsSpreadOverTheLinesToTheKopeck() {
    assertEquals(3_333, PromoDiscount.total(code(10, null, 0, null, null, null, 0, null, false), 33_339));
    assertEquals(20_000, PromoDiscount.total(code(null, 50_000L, 0, null, null, null, 0, null, false), 20_000));
    List<Long> shares = PromoDiscount.perLine(1_000, List.of(10_000L, 20_000L, 3_333L));
    assertEquals(1_000, shares.stream().mapToLong(Long::longValue).sum());
    assertEquals(List.of(300L, 601L, 99L), shares, "proportional, rounded down; the kopeck left to the largest line");
  }
}
