package dev.storeops.messaging.campaigns;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.Forbidden;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignFourEyesPolicyTest {
  private final Campaign byDaria = new Campaign("cmp_1", "Sale", "campaign", "S", "B", null, "all-with-consent",
      Instant.parse("2026-12-30T07:00:00Z"), "DRAFT", "mkt-daria", Instant.parse("2026-11-30T07:00:00Z"), null, null);

  @Test
  void theCreatorMayNotScheduleTheirOwnCampaign() {
    assertFalse(CampaignFourEyesPolicy.maySchedule(byDaria, "mkt-daria", false));
    Forbidden e = assertThrows(Forbidden.class, () -> CampaignFourEyesPolicy.check(byDaria, "mkt-daria", false));
    assertEquals("four-eyes", e.code());
    assertTrue(e.detail().contains("mkt-daria"));
  }

  @Test
  void aSecondPersonMay() {
    assertTrue(CampaignFourEyesPolicy.maySchedule(byDaria, "mkt-ilya", false));
    assertDoesNotThrow(() -> CampaignFourEyesPolicy.check(byDaria, "mkt-ilya", false));
  }

  @Test
  void theOwnerMayEvenTheirOwn() {
    assertTrue(CampaignFourEyesPolicy.maySchedule(byDaria, "owner-elena", true));
    Campaign byOwner = new Campaign("cmp_2", "Sale", "campaign", "S", "B", null, "all-with-consent",
        byDaria.sendAt(), "DRAFT", "owner-elena", byDaria.createdAt(), null, null);
    assertTrue(CampaignFourEyesPolicy.maySchedule(byOwner, "owner-elena", true));
  }
}
