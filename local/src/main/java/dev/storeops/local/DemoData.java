package dev.storeops.local;

import static dev.storeops.platform.dynamo.Items.bool;
import static dev.storeops.platform.dynamo.Items.n;
import static dev.storeops.platform.dynamo.Items.s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.platform.ids.TokenHash;
import dev.storeops.platform.json.Json;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.dynamo.TableKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The demo data set of local mode, from {@code local/demo-data.json} (extend it there): products,
 * two warehouses, stock, supplier profiles in the supplier bucket, a manager roster and customers,
 * written in the item formats every feature reads. Items that exist already (a kept {@code --data}
 * directory) are left as they are.
 */
public final class DemoData {
  public static final String RESOURCE = "/local/demo-data.json";

  /**
   * A person of local mode's stand-in for the staff user pool: id (the JWT {@code sub}) and groups (the
   * {@code cognito:groups} claim). Not written to the table: on AWS the groups live in Cognito.
   */
  public record StaffMember(String id, String name, List<String> roles) {}

  /** The demo staff (one person per role at least), from the {@code staff} list of the demo data. */
  public static List<StaffMember> staff() {
    List<StaffMember> out = new java.util.ArrayList<>();
    for (JsonNode m : read().path("staff")) {
      List<String> roles = new java.util.ArrayList<>();
      m.path("roles").forEach(r -> roles.add(r.asText()));
      out.add(new StaffMember(m.path("id").asText(), m.path("name").asText(), List.copyOf(roles)));
    }
    return out;
  }

  /** The first demo person with {@code role}. */
  public static java.util.Optional<StaffMember> firstWith(String role) {
    return staff().stream().filter(m -> m.roles().contains(role)).findFirst();
  }

  private static JsonNode read() {
    try (InputStream in = DemoData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What was loaded. */
  public record Summary(int products, int warehouses, int stock, int managers, int customers, int profiles,
      List<String> customerIds, List<String> managerIds) {}

  private final DynamoDbClient dynamo;
  private final S3Client s3;
  private final String table;
  private final String bucket;

  public DemoData(DynamoDbClient dynamo, S3Client s3, String table, String bucket) {
    this.dynamo = dynamo;
    this.s3 = s3;
    this.table = table;
    this.bucket = bucket;
  }

  public Summary load() {
    JsonNode data = read();
    String now = Instant.now().toString();
    List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
    for (JsonNode w : data.path("warehouses")) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(TableKeys.PK, s("WAREHOUSE#" + w.path("id").asText()));
      item.put(TableKeys.SK, s("WAREHOUSE"));
      item.put("type", s("Warehouse"));
      item.put("id", s(w.path("id").asText()));
      item.put("name", s(w.path("name").asText()));
      item.put("city", s(w.path("city").asText()));
      item.put(TableKeys.GSI1PK, s("WAREHOUSES"));
      item.put(TableKeys.GSI1SK, s(w.path("id").asText()));
      items.add(item);
    }
    for (JsonNode p : data.path("products")) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(TableKeys.PK, s("SKU#" + p.path("sku").asText()));
      item.put(TableKeys.SK, s("PRODUCT"));
      item.put("type", s("Product"));
      item.put("sku", s(p.path("sku").asText()));
      item.put("name", s(p.path("name").asText()));
      item.put("priceMinor", n(p.path("priceMinor").asLong()));
      item.put("currency", s(p.path("currency").asText("RUB")));
      for (String f : List.of("weightGrams", "lengthMm", "widthMm", "heightMm")) {
        item.put(f, n(p.path(f).asLong()));
      }
      item.put("category", s(p.path("category").asText()));
      item.put("related", strings(p.path("related")));
      item.put("upsell", strings(p.path("upsell")));
      item.put("updatedAt", s(now));
      items.add(item);
    }
    for (JsonNode st : data.path("stock")) {
      String sku = st.path("sku").asText();
      String warehouse = st.path("warehouse").asText();
      long onHand = st.path("onHand").asLong();
      long reserved = st.path("reserved").asLong();
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(TableKeys.PK, s("SKU#" + sku));
      item.put(TableKeys.SK, s("STOCK#" + warehouse));
      item.put("type", s("Stock"));
      item.put("sku", s(sku));
      item.put("warehouse", s(warehouse));
      item.put("onHand", n(onHand));
      item.put("reserved", n(reserved));
      item.put("available", n(Math.max(0, onHand - reserved)));
      if (st.hasNonNull("supplierId")) {
        String supplier = st.path("supplierId").asText();
        item.put("supplierId", s(supplier));
        item.put(TableKeys.GSI1PK, s("SUPPLIER#" + supplier + "#" + warehouse));
        item.put(TableKeys.GSI1SK, s("SKU#" + sku));
      }
      if (st.hasNonNull("supplierName")) {
        item.put("supplierName", s(st.path("supplierName").asText()));
      }
      if (st.hasNonNull("supplierPrice")) {
        item.put("supplierPrice", n(st.path("supplierPrice").asLong()));
      }
      if (st.hasNonNull("expiresAt")) {
        item.put("expiresAt", s(st.path("expiresAt").asText()));
      }
      item.put("updatedAt", s(now));
      items.add(item);
    }
    for (JsonNode m : data.path("managers")) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put(TableKeys.PK, s("MANAGER#" + m.path("id").asText()));
      item.put(TableKeys.SK, s("MANAGER"));
      item.put("type", s("Manager"));
      item.put("id", s(m.path("id").asText()));
      item.put("name", s(m.path("name").asText()));
      item.put("email", s(m.path("email").asText()));
      item.put("onShift", bool(m.path("onShift").asBoolean()));
      item.put("openOrders", n(m.path("openOrders").asLong()));
      item.put(TableKeys.GSI1PK, s("MANAGERS"));
      item.put(TableKeys.GSI1SK, s(m.path("id").asText()));
      items.add(item);
    }
    // independent items: written concurrently (start-up time)
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
      for (Map<String, AttributeValue> item : items) {
        writes.add(executor.submit(() -> putNew(item)));
      }
      for (var write : writes) {
        write.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("demo data could not be written: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing demo data", e);
    }
    DynamoCustomerStore customers = new DynamoCustomerStore(dynamo, table);
    for (JsonNode c : data.path("customers")) {
      Customer customer = new Customer(c.path("id").asText(), c.path("email").asText(), c.path("name").asText(),
          text(c, "phone"), c.hasNonNull("birthday") ? LocalDate.parse(c.path("birthday").asText()) : null,
          c.path("marketingConsent").asBoolean(), Instant.parse(now), c.path("locale").asText("ru"),
          Instant.parse(now), text(c, "managerId"));
      // a demo customer's access token is in the demo data (X-Customer-Token), only its hash in the table
      String demoToken = text(c, "accessToken");
      try {
        customers.create(customer, new CustomerStore.Secrets(demoToken == null ? null : TokenHash.of(demoToken), null, null));
      } catch (CustomerStore.DuplicateEmailException | software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException kept) {
        // kept from an earlier run (--data)
      }
    }
    int profiles = 0;
    if (bucket != null) {
      for (JsonNode p : data.path("supplierProfiles")) {
        String key = "profiles/" + p.path("supplierId").asText() + ".json";
        if (!exists(key)) {
          s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json"),
              RequestBody.fromString(Json.write(p)));
        }
        // the profile's purchase terms, as stock-import records them when a profile is saved: the purchase list
        // (scheduler, staff-api) reads them from the table, without S3 (docs/reports.md)
        new dev.storeops.reporting.dynamo.DynamoSupplierTerms(dynamo, table, java.time.Clock.systemUTC())
            .record(p.path("supplierId").asText(), dev.storeops.reporting.SupplierTerms.leadTimeDaysIn(p));
        profiles++;
      }
    }
    return new Summary(data.path("products").size(), data.path("warehouses").size(), data.path("stock").size(),
        data.path("managers").size(), data.path("customers").size(), profiles,
        data.path("customers").findValuesAsText("id"), data.path("managers").findValuesAsText("id"));
  }

  private boolean exists(String key) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private void putNew(Map<String, AttributeValue> item) {
    try {
      dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException kept) {
      // kept from an earlier run (--data): never overwrite what a run changed
    }
  }

  private static AttributeValue strings(JsonNode list) {
    return AttributeValue.fromL(java.util.stream.StreamSupport.stream(list.spliterator(), false)
        .map(v -> s(v.asText())).toList());
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }
}
