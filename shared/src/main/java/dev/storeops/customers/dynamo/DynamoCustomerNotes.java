package dev.storeops.customers.dynamo;

import static dev.storeops.platform.dynamo.Items.s;

import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerNote;
import dev.storeops.customers.CustomerNotes;
import dev.storeops.customers.PersonalData;
import dev.storeops.platform.dynamo.AboutCustomer;
import dev.storeops.platform.dynamo.Items;
import dev.storeops.platform.dynamo.ContactHistoryEntries;
import dev.storeops.platform.dynamo.TableKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff notes in the single table: {@code NOTE#<id> / NOTE}, filed under the customer on GSI1 ({@code
 * CUSTOMER#<id> / NOTE#<at>#<id>}) so the dossier reads them with the rest of the history and the
 * export and erasure find them (docs/privacy.md: exported in full, deleted at erasure).
 */
public final class DynamoCustomerNotes implements CustomerNotes, PersonalData {
  static final String SK = "NOTE";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCustomerNotes(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void add(CustomerNote note) {
    Map<String, AttributeValue> item = new HashMap<>(TableKeys.primaryKey(TableKeys.NOTE.key(note.id()), SK));
    item.put("type", s("CustomerNote"));
    item.put("id", s(note.id()));
    item.put("customerId", s(note.customerId()));
    item.put("text", s(note.text()));
    item.put("by", s(note.by()));
    item.put("at", s(note.at().toString()));
    item.putAll(TableKeys.aboutCustomer(note.customerId(), TableKeys.NOTE, note.at() + "#" + note.id()));
    dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    // the note in the customer's time-ordered history (ContactHistoryEntries)
    ContactHistoryEntries.put(dynamo, table, ContactHistoryEntries.item(note.customerId(), ContactHistoryEntries.NOTE,
        note.id(), note.at(), TableKeys.primaryKey(TableKeys.NOTE.key(note.id()), SK), null));
  }

  /** A note item as the domain sees it. */
  static CustomerNote note(Map<String, AttributeValue> item) {
    return new CustomerNote(Items.str(item, "id"), Items.str(item, "customerId"), Items.str(item, "text"),
        Items.str(item, "by"), Items.instant(item, "at"));
  }

  @Override
  public Map<String, Object> export(Customer customer) {
    return Map.of("notes", AboutCustomer.items(dynamo, table, customer.id(), TableKeys.NOTE).stream()
        .map(AboutCustomer::plain).toList());
  }

  @Override
  public Map<String, Integer> erase(Customer customer, String reference) {
    List<Map<String, AttributeValue>> notes = AboutCustomer.items(dynamo, table, customer.id(), TableKeys.NOTE);
    notes.forEach(item -> dynamo.deleteItem(d -> d.tableName(table).key(AboutCustomer.key(item))));
    return Map.of("notes", notes.size());
  }
}
