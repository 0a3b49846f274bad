package dev.storeops.messaging.campaigns;

import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.errors.Forbidden;
import java.util.List;

/**
 * Four eyes on mass mail: a campaign is scheduled by a second person — anyone allowed to schedule
 * other than the one who created it — or by the owner (who may also schedule their own). The creator
 * is recorded at creation ({@link Campaign#createdBy()}); scheduling it alone is a 403 and the campaign
 * stays a draft. Decides only; plain Java, no I/O.
 */
public final class CampaignFourEyesPolicy {
  private CampaignFourEyesPolicy() {}

  /** Whether {@code schedulerId} may schedule {@code campaign}; {@code owner}: the scheduler has the owner role. */
  public static boolean maySchedule(Campaign campaign, String schedulerId, boolean owner) {
    return owner || !schedulerId.equals(campaign.createdBy());
  }

  /** @throws Forbidden (403 {@code four-eyes}) when the creator tries to schedule their own campaign */
  public static void check(Campaign campaign, String schedulerId, boolean owner) {
    if (!maySchedule(campaign, schedulerId, owner)) {
      throw new Forbidden("four-eyes", "Campaign " + campaign.id() + " was created by " + campaign.createdBy()
          + "; a second person or the owner schedules it.",
          List.of(new FieldError("role", "another person than the creator, or the role owner, is required")));
    }
  }
}
