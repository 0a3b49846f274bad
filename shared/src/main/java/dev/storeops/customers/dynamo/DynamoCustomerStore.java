package dev.storeops.customers.dynamo;

import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.TableKeys;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Customers in the single table: the profile item {@code CUSTOMER#id / PROFILE}, and an e-mail claim
 * item {@code EMAIL#lower-case e-mail / EMAIL} written in the same transaction, whose condition makes
 * the e-mail unique.
 */
public final class DynamoCustomerStore implements CustomerStore {
  static final String PROFILE = "PROFILE";
  /** GSI2 partition of the customers who gave marketing consent (the campaign segment). */
  public static final String MARKETING_CONSENT = TableKeys.MARKETING_CONSENT;
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCustomerStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void create(Customer c) {
    String emailKey = Customer.emailKey(c.email());
    Map<String, AttributeValue> claim = Map.of(
        TableKeys.PK, s(TableKeys.EMAIL.key(emailKey)), TableKeys.SK, s("EMAIL"),
        "type", s("EmailClaim"), "customerId", s(c.id()));
    try {
      dynamo.transactWriteItems(t -> t.transactItems(
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(c))
              .conditionExpression("attribute_not_exists(pk)").build()).build(),
          TransactWriteItem.builder().put(Put.builder().tableName(table).item(claim)
              .conditionExpression("attribute_not_exists(pk)").build()).build()));
    } catch (TransactionCanceledException e) {
      var reasons = e.cancellationReasons();
      if (reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code())) {
        throw new DuplicateEmailException();
      }
      throw e;
    }
  }

  @Override
  public Optional<Customer> find(String id) {
    var item = dynamo.getItem(g -> g.tableName(table)
        .key(TableKeys.primaryKey(TableKeys.CUSTOMER.key(id), PROFILE))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
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
        Items.str(item, "managerId"));
  }
}
