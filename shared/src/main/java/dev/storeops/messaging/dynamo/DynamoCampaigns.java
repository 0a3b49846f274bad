package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.campaigns.CampaignPlanner;
import dev.storeops.messaging.campaigns.Campaign;
import dev.storeops.messaging.campaigns.CampaignService;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.batch.DueItem;
import dev.storeops.platform.dynamo.DueWork;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import dev.storeops.ordering.dynamo.PromoItems;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.FieldError;

/**
 * Campaigns: {@code CAMPAIGN#<id> / CAMPAIGN}. A scheduled campaign carries the shared due-work keys
 * ({@link DueWork}): {@code duePk = DUE#campaign#<yyyy-MM-dd of sendAt, UTC>}, {@code dueSk =
 * <sendAt with exactly 3 fraction digits>#<id>}, so that text order is time order; planning removes
 * them in the same conditional write that records the outcome.
 */
public final class DynamoCampaigns implements CampaignService.Store, CampaignPlanner.Schedule {
  public static final String DUE_KIND = "campaign";
  /** The sort key of a campaign item. */
  static final String SK = "CAMPAIGN";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCampaigns(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  private static Map<String, AttributeValue> key(String id) {
    return TableKeys.primaryKey(TableKeys.CAMPAIGN.key(id), SK);
  }

  @Override
  public void create(Campaign c) {
    Map<String, AttributeValue> item = new HashMap<>(key(c.id()));
    item.put("type", s("Campaign"));
    item.put("id", s(c.id()));
    Items.putIfPresent(item, "name", c.name());
    item.put("template", s(c.template()));
    item.put("subject", s(c.subject()));
    item.put("body", s(c.body()));
    Items.putIfPresent(item, "discountCode", c.discountCode());
    item.put("segment", s(c.segment()));
    item.put("sendAt", s(c.sendAt().toString()));
    item.put("status", s(c.status()));
    item.put("createdBy", s(c.createdBy()));
    item.put("createdAt", s(c.createdAt().toString()));
    if (c.preview() != null) {
      Campaign.Preview p = c.preview();
      item.put("preview", AttributeValue.fromM(Map.of("segment", Items.n(p.segment()), "noConsent", Items.n(p.noConsent()),
          "suppressed", Items.n(p.suppressed()), "capped", Items.n(p.capped()), "recipients", Items.n(p.recipients()))));
    }
    if (c.discount() == null) {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return;
    }
    // the campaign and its promo code together: the code is unique (a taken code refuses the campaign)
    Map<String, AttributeValue> terms = new HashMap<>(PromoItems.item(c.discount()));
    terms.keySet().removeAll(List.of(TableKeys.PK, TableKeys.SK, "type", "uses"));
    item.put("discount", AttributeValue.fromM(terms));
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
              .conditionExpression("attribute_not_exists(pk)").build()).build(),
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(PromoItems.item(c.discount()))
              .conditionExpression("attribute_not_exists(pk)").build()).build()));
    } catch (TransactionCanceledException e) {
      if (e.cancellationReasons().size() > 1 && "ConditionalCheckFailed".equals(e.cancellationReasons().get(1).code())) {
        throw new Conflict("discount-code-taken", "This discount code is already in use; choose another.",
            List.of(new FieldError("discountCode", "is already in use")));
      }
      throw e;
    }
  }

  @Override
  public Optional<Campaign> find(String id) {
    var item = dynamo.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  /** DRAFT → SCHEDULED with the due keys; {@code false} if it is not a draft (any more). */
  @Override
  public boolean schedule(String id, Instant sendAt, Instant now, String by) {
    Map<String, AttributeValue> due = DueWorkStore.dueAttributes(DUE_KIND, sendAt, id);
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(id))
          .updateExpression("SET #s = :scheduled, scheduledAt = :now, scheduledBy = :by, #duePk = :duePk, #dueSk = :dueSk")
          .conditionExpression("#s = :draft")
          .expressionAttributeNames(Map.of("#s", "status", "#duePk", TableKeys.DUE_PK, "#dueSk", TableKeys.DUE_SK))
          .expressionAttributeValues(Map.of(":scheduled", s("SCHEDULED"), ":draft", s("DRAFT"),
              ":now", s(now.toString()), ":by", s(by), ":duePk", due.get(TableKeys.DUE_PK),
              ":dueSk", due.get(TableKeys.DUE_SK))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Scheduled campaigns due at or before {@code now}, in send-time order: DueIndex buckets from
   * {@code oldest} to today (UTC), each read up to {@link DueWork#upTo}.
   */
  public List<Campaign> due(Instant now, LocalDate oldest) {
    List<Campaign> out = new ArrayList<>();
    LocalDate today = DueWork.day(now);
    String upTo = DueWork.upTo(now);
    for (LocalDate day = oldest; !day.isAfter(today); day = day.plusDays(1)) {
      String pk = DueWork.partition(DUE_KIND, day);
      dynamo.queryPaginator(q -> q.tableName(table).indexName(TableKeys.DUE_INDEX)
              .keyConditionExpression("#pk = :pk AND #sk <= :upTo")
              .expressionAttributeNames(Map.of("#pk", TableKeys.DUE_PK, "#sk", TableKeys.DUE_SK))
              .expressionAttributeValues(Map.of(":pk", s(pk), ":upTo", s(upTo))))
          .items().forEach(item -> out.add(fromItem(item)));
    }
    return out;
  }

  /** SCHEDULED → PLANNED, due keys removed; {@code false} if another run did it first. */
  public boolean markPlanned(String id, long planned, Instant now) {
    try {
      dynamo.updateItem(u -> u.tableName(table).key(key(id))
          .updateExpression("SET #s = :planned, planned = :n, plannedAt = :now REMOVE #duePk, #dueSk")
          .conditionExpression("#s = :scheduled")
          .expressionAttributeNames(Map.of("#s", "status", "#duePk", TableKeys.DUE_PK, "#dueSk", TableKeys.DUE_SK))
          .expressionAttributeValues(Map.of(":planned", s("PLANNED"), ":scheduled", s("SCHEDULED"),
              ":n", Items.n(planned), ":now", s(now.toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public DueItem dueItem(Campaign c) {
    return new DueItem(DUE_KIND, TableKeys.CAMPAIGN.key(c.id()), key(c.id()).get(TableKeys.SK).s(),
        DueWork.sortKey(c.sendAt(), c.id()));
  }

  @Override
  public int recordFailure(DueItem item, String error) {
    return new DueWorkStore(dynamo, table, java.time.Clock.systemUTC()).recordFailure(item, error);
  }

  @Override
  public boolean park(DueItem item, String error) {
    return new DueWorkStore(dynamo, table, java.time.Clock.systemUTC()).park(item, error);
  }

  static Campaign fromItem(Map<String, AttributeValue> item) {
    Campaign.Preview preview = null;
    AttributeValue p = item.get("preview");
    if (p != null && p.m() != null) {
      Map<String, AttributeValue> m = p.m();
      preview = new Campaign.Preview(Items.num(m, "segment", 0), Items.num(m, "noConsent", 0),
          Items.num(m, "suppressed", 0), Items.num(m, "capped", 0), Items.num(m, "recipients", 0));
    }
    return new Campaign(Items.str(item, "id"), Items.str(item, "name"), Items.str(item, "template"),
        Items.str(item, "subject"), Items.str(item, "body"), Items.str(item, "discountCode"),
        Items.str(item, "segment"), Items.instant(item, "sendAt"), Items.str(item, "status"),
        Items.str(item, "createdBy"), Items.instant(item, "createdAt"), preview,
        item.containsKey("planned") ? Items.num(item, "planned", 0) : null,
        item.get("discount") != null && item.get("discount").hasM() ? PromoItems.read(item.get("discount").m()) : null);
  }
}
