package dev.storeops.messaging.dynamo;

import dev.storeops.messaging.flows.BirthdayPlanner;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Birthday promo codes: the code item {@code PROMO#<code> / PROMO} (unique by condition, one use,
 * {@code expiresAt}) and the customer's claim {@code CUSTOMER#<id> / BIRTHDAY#<year>} (one per year),
 * written together in one transaction.
 */
public final class DynamoPromoCodes implements BirthdayPlanner.PromoCodes {
  private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPromoCodes(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static String newCode() {
    StringBuilder code = new StringBuilder("BD-");
    for (int i = 0; i < 8; i++) {
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  private static Map<String, AttributeValue> claimKey(String customerId, int year) {
    return TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), TableKeys.BIRTHDAY_PROMO.key(year));
  }

  @Override
  public BirthdayPlanner.Promo issue(String customerId, int year, int discountPercent, Instant expiresAt) {
    for (int attempt = 0; attempt < 5; attempt++) {
      BirthdayPlanner.Promo existing = read(customerId, year);
      if (existing != null) {
        return existing;
      }
      String code = newCode();
      Map<String, AttributeValue> promo = new HashMap<>();
      promo.put(TableKeys.PK, s(TableKeys.PROMO.key(code)));
      promo.put(TableKeys.SK, s("PROMO"));
      promo.put("type", s("Promo"));
      promo.put("code", s(code));
      promo.put("kind", s("birthday"));
      promo.put("customerId", s(customerId));
      promo.put("discountPercent", Items.n(discountPercent));
      promo.put("singleUse", Items.bool(true));
      // the checkout's terms (ordering/dynamo/PromoItems): one use in all, only by its owner
      promo.put("maxUses", Items.n(1));
      promo.put("uses", Items.n(0));
      promo.put("minOrderMinor", Items.n(0));
      promo.put("expiresAt", s(expiresAt.toString()));
      promo.put(TableKeys.TTL, Items.n(expiresAt.plus(Duration.ofDays(90)).getEpochSecond()));
      Map<String, AttributeValue> claim = new HashMap<>(claimKey(customerId, year));
      claim.put("type", s("BirthdayPromoClaim"));
      claim.put("code", s(code));
      claim.put("mailQueued", Items.bool(false));
      claim.put(TableKeys.TTL, Items.n(expiresAt.plus(Duration.ofDays(400)).getEpochSecond()));
      try {
        dynamo.transactWriteItems(t -> t.transactItems(
            TransactWriteItem.builder().put(Put.builder().tableName(table).item(promo)
                .conditionExpression("attribute_not_exists(pk)").build()).build(),
            TransactWriteItem.builder().put(Put.builder().tableName(table).item(claim)
                .conditionExpression("attribute_not_exists(pk)").build()).build()));
        return new BirthdayPlanner.Promo(code, false);
      } catch (TransactionCanceledException e) {
        // a code collision or a concurrent run that claimed the year first: read again and retry
      }
    }
    throw new IllegalStateException("could not issue a unique birthday promo code for " + customerId);
  }

  private BirthdayPlanner.Promo read(String customerId, int year) {
    var item = dynamo.getItem(g -> g.tableName(table).key(claimKey(customerId, year)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null
        : new BirthdayPlanner.Promo(Items.str(item, "code"), Items.bool(item, "mailQueued"));
  }

  @Override
  public void markMailQueued(String customerId, int year) {
    dynamo.updateItem(u -> u.tableName(table).key(claimKey(customerId, year))
        .updateExpression("SET mailQueued = :t")
        .expressionAttributeValues(Map.of(":t", Items.bool(true))));
  }
}
