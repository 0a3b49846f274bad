package dev.storeops.customers.dynamo;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.ContactHistoryEntries;
import dev.storeops.platform.dynamo.TableKeys;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.platform.ids.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.storeops.customers.CustomerStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Customers in the single table: the profile item {@code CUSTOMER#id / PROFILE}, and an e-mail claim
 * item {@code EMAIL#lower-case e-mail / EMAIL} written in the same transaction, whose condition makes
 * the e-mail unique. The profile keeps the SHA-256 of the customer's access token ({@code
 * accessTokenHash}, never read back into {@link Customer}) and the consent history (list of maps). A
 * pending consent's confirmation link is {@code CONSENTLINK#<sha256 of its token> / LINK} (customer id,
 * expiry, {@code ttl}; {@code usedAt} once confirmed), written in the same transaction.
 */
public final class DynamoCustomerStore implements CustomerStore {
  static final String PROFILE = "PROFILE";
  static final String LINK = "LINK";
  /** GSI2 partition of the customers who gave marketing consent (the campaign segment). */
  public static final String MARKETING_CONSENT = TableKeys.MARKETING_CONSENT;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCustomerStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void create(Customer c, Secrets secrets) {
    String emailKey = Customer.emailKey(c.email());
    Map<String, AttributeValue> claim = Map.of(
        TableKeys.PK, s(TableKeys.EMAIL.key(emailKey)), TableKeys.SK, s("EMAIL"),
        "type", s("EmailClaim"), "customerId", s(c.id()));
    Map<String, AttributeValue> profile = toItem(c);
    Items.putIfPresent(profile, "accessTokenHash", secrets.accessTokenHash());
    List<TransactWriteItem> writes = new ArrayList<>(List.of(
        TransactWriteItem.builder().put(Put.builder().tableName(table).item(profile)
            .conditionExpression("attribute_not_exists(pk)").build()).build(),
        TransactWriteItem.builder().put(Put.builder().tableName(table).item(claim)
            .conditionExpression("attribute_not_exists(pk)").build()).build()));
    // the staff search entries (phone, name words): gone with the profile at erasure
    for (Map<String, AttributeValue> entry : CustomerSearchEntries.entries(c)) {
      writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry).build()).build());
    }
    // the consent steps the customer came with, in their time-ordered history (ContactHistoryEntries)
    for (ConsentEvent step : c.consentHistory()) {
      writes.add(ContactHistoryEntries.put(table, consentEntry(c.id(), step)));
    }
    if (secrets.consentLinkHash() != null) {
      Map<String, AttributeValue> link = new HashMap<>(TableKeys.primaryKey(
          TableKeys.CONSENT_LINK.key(secrets.consentLinkHash()), LINK));
      link.put("type", s("ConsentLink"));
      link.put("customerId", s(c.id()));
      // filed under the customer on GSI1 (CUSTOMER#<id> / CONSENTLINK#<hash>), so export and erasure find it
      link.put(TableKeys.GSI1PK, s(TableKeys.CUSTOMER.key(c.id())));
      link.put(TableKeys.GSI1SK, s(TableKeys.CONSENT_LINK.key(secrets.consentLinkHash())));
      link.put("createdAt", s(c.createdAt().toString()));
      link.put("expiresAt", s(secrets.consentLinkExpiresAt().toString()));
      // kept a while after expiry so that a late click still finds "expired" rather than nothing
      link.put(TableKeys.TTL, Items.n(secrets.consentLinkExpiresAt().plus(Duration.ofDays(30)).getEpochSecond()));
      writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(link)
          .conditionExpression("attribute_not_exists(pk)").build()).build());
    }
    try {
      dynamo.transactWriteItems(t -> t.transactItems(writes));
    } catch (TransactionCanceledException e) {
      var reasons = e.cancellationReasons();
      if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
        throw new DuplicateEmailException();
      }
      throw e;
    }
  }

  /** The key of a customer's profile item. */
  public static Map<String, AttributeValue> profileKey(String id) {
    return TableKeys.primaryKey(TableKeys.CUSTOMER.key(id), PROFILE);
  }

  /** The key of an e-mail's claim item (its {@code customerId}). */
  public static Map<String, AttributeValue> emailClaimKey(String email) {
    return TableKeys.primaryKey(TableKeys.EMAIL.key(Customer.emailKey(email)), "EMAIL");
  }

  @Override
  public Optional<Customer> find(String id) {
    var item = dynamo.getItem(g -> g.tableName(table)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(id), PROFILE))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public Optional<Customer> findWithAccessToken(String id, String token) {
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    var item = dynamo.getItem(g -> g.tableName(table)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(id), PROFILE))).item();
    if (item == null || item.isEmpty() || !TokenHash.matches(token, Items.str(item, "accessTokenHash"))) {
      return Optional.empty();
    }
    return Optional.of(fromItem(item));
  }

  @Override
  public Optional<String> confirmConsent(String linkHash, ConsentEvent confirmation) {
    Map<String, AttributeValue> linkKey = TableKeys.primaryKey(TableKeys.CONSENT_LINK.key(linkHash), LINK);
    var link = dynamo.getItem(g -> g.tableName(table).key(linkKey).consistentRead(true)).item();
    if (link == null || link.isEmpty() || link.containsKey("usedAt")) {
      return Optional.empty();
    }
    Instant expires = Items.instant(link, "expiresAt");
    if (expires == null || !confirmation.at().isBefore(expires)) {
      return Optional.empty();
    }
    String customerId = Items.str(link, "customerId");
    String at = confirmation.at().toString();
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().update(Update.builder().tableName(table).key(linkKey)
              .updateExpression("SET usedAt = :at")
              .conditionExpression("attribute_exists(pk) AND attribute_not_exists(usedAt)")
              .expressionAttributeValues(Map.of(":at", s(at))).build()).build(),
          TransactWriteItem.builder().update(Update.builder().tableName(table)
              .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(customerId), PROFILE))
              .updateExpression("SET marketingConsent = :true, consentChangedAt = :at, consentConfirmedAt = :at, "
                  + "gsi2pk = :segment, gsi2sk = :customer, "
                  + "consentHistory = list_append(if_not_exists(consentHistory, :empty), :event) "
                  + "REMOVE consentPendingSince")
              .conditionExpression("attribute_exists(pk)")
              .expressionAttributeValues(Map.of(":true", Items.bool(true), ":at", s(at),
                  ":segment", s(MARKETING_CONSENT), ":customer", s(TableKeys.CUSTOMER.key(customerId)),
                  ":empty", AttributeValue.fromL(List.of()),
                  ":event", AttributeValue.fromL(List.of(eventItem(confirmation))))).build()).build(),
          ContactHistoryEntries.put(table, consentEntry(customerId, confirmation))));
    } catch (TransactionCanceledException e) {
      return Optional.empty(); // used meanwhile, or the customer is gone
    }
    return Optional.of(customerId);
  }

  /** The customer's history entry of a consent step (the step itself stays on the profile). */
  public static Map<String, AttributeValue> consentEntry(String customerId, ConsentEvent step) {
    return ContactHistoryEntries.item(customerId, ContactHistoryEntries.CONSENT,
        ContactHistoryEntries.consentRef(step.at(), step.kind().name(), step.channel()), step.at(),
        profileKey(customerId), null);
  }

  /** One consent step as stored in {@code consentHistory}. */
  public static AttributeValue eventItem(ConsentEvent e) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("kind", s(e.kind().name()));
    m.put("at", s(e.at().toString()));
    Items.putIfPresent(m, "source", e.source());
    Items.putIfPresent(m, "requestId", e.requestId());
    Items.putIfPresent(m, "linkId", e.linkId());
    Items.putIfPresent(m, "channel", e.channel());
    Items.putIfPresent(m, "by", e.by());
    return AttributeValue.fromM(m);
  }

  private static ConsentEvent event(AttributeValue v) {
    Map<String, AttributeValue> m = v.m();
    return new ConsentEvent(ConsentEvent.Kind.valueOf(Items.str(m, "kind")), Items.instant(m, "at"),
        Items.str(m, "source"), Items.str(m, "requestId"), Items.str(m, "linkId"), Items.str(m, "channel"),
        Items.str(m, "by"));
  }

  @Override
  public Optional<String> findIdByEmail(String email) {
    var item = dynamo.getItem(g -> g.tableName(table)
        .key(TableKeys.primaryKey(TableKeys.EMAIL.key(Customer.emailKey(email)), "EMAIL"))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.str(item, "customerId"));
  }

  public static Map<String, AttributeValue> toItem(Customer c) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(TableKeys.PK, s(TableKeys.CUSTOMER.key(c.id())));
    item.put(TableKeys.SK, s(PROFILE));
    item.put("type", s("Customer"));
    item.put("id", s(c.id()));
    item.put("email", s(c.email()));
    item.put("name", s(c.name()));
    Items.putIfPresent(item, "phone", c.phone());
    Items.putIfPresent(item, "birthday", c.birthday());
    if (c.birthday() != null) {
      // birthday segment: GSI1 partition per month-day, so the birthday flow queries one day
      item.put(TableKeys.GSI1PK, s(TableKeys.BIRTHDAY.key(c.birthday().toString().substring(5))));
      item.put(TableKeys.GSI1SK, s(TableKeys.CUSTOMER.key(c.id())));
    }
    item.put("marketingConsent", Items.bool(c.marketingConsent()));
    if (c.marketingConsent()) {
      // marketing segment "all with consent": GSI2 partition, removed when consent is withdrawn
      item.put(TableKeys.GSI2PK, s(MARKETING_CONSENT));
      item.put(TableKeys.GSI2SK, s(TableKeys.CUSTOMER.key(c.id())));
    }
    Items.putIfPresent(item, "consentChangedAt", c.consentChangedAt());
    item.put("locale", s(c.locale()));
    item.put("createdAt", s(c.createdAt().toString()));
    Items.putIfPresent(item, "managerId", c.managerId());
    Items.putIfPresent(item, "consentConfirmedAt", c.consentConfirmedAt());
    Items.putIfPresent(item, "consentPendingSince", c.consentPendingSince());
    if (!c.consentHistory().isEmpty()) {
      item.put("consentHistory", AttributeValue.fromL(c.consentHistory().stream().map(DynamoCustomerStore::eventItem).toList()));
    }
    return item;
  }

  public static Customer fromItem(Map<String, AttributeValue> item) {
    return new Customer(
        Items.str(item, "id"),
        Items.str(item, "email"),
        Items.str(item, "name"),
        Items.str(item, "phone"),
        Items.date(item, "birthday"),
        Items.bool(item, "marketingConsent"),
        Items.instant(item, "consentChangedAt"),
        Items.str(item, "locale"),
        Items.instant(item, "createdAt"),
        Items.str(item, "managerId"),
        Items.instant(item, "consentConfirmedAt"),
        Items.instant(item, "consentPendingSince"),
        item.containsKey("consentHistory") && item.get("consentHistory").hasL()
            ? item.get("consentHistory").l().stream().map(DynamoCustomerStore::event).toList() : List.of());
  }
}
