package dev.storeops.ordering.dynamo;

import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.catalog.dynamo.DynamoPurchaseCosts;
import dev.storeops.ordering.sqs.SqsOrderEvents;

import dev.storeops.customers.CustomerService;
import dev.storeops.ordering.CartService;
import dev.storeops.catalog.DeliveryCalculator;
import dev.storeops.catalog.DeliveryConfig;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.OrderService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import java.time.Clock;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The order services wired to DynamoDB and SQS; built once per container by the handlers. */
public record OrderComponents(DynamoOrderStore orders, DynamoCatalog catalog, DynamoCartStore carts,
    DynamoCustomerStore customerStore, CustomerService customers, OrderService orderService, CartService cartService) {

  /**
   * @param onRegistered what follows a new customer's registration, e.g. the welcome and consent
   *     confirmation mail ({@code null}: nothing)
   */
  public static OrderComponents build(DynamoDbClient dynamo, SqsClient sqs, String table, String orderEventsQueueUrl,
      OrderLimits limits, String defaultLocale, Clock clock, Consumer<CustomerService.Registered> onRegistered) {
    return build(dynamo, sqs, table, orderEventsQueueUrl, limits, defaultLocale, clock, onRegistered, true);
  }

  /**
   * @param batchedReads the order's reads in one BatchGetItem ({@link DynamoOrderIntakeReads}); false: one
   *     read after another, as before (env {@code ORDER_INTAKE_READS=separate}: the bench's baseline)
   */
  public static OrderComponents build(DynamoDbClient dynamo, SqsClient sqs, String table, String orderEventsQueueUrl,
      OrderLimits limits, String defaultLocale, Clock clock, Consumer<CustomerService.Registered> onRegistered,
      boolean batchedReads) {
    DynamoOrderStore orders = new DynamoOrderStore(dynamo, table, clock);
    DynamoCatalog catalog = new DynamoCatalog(dynamo, table, clock);
    DynamoCartStore carts = new DynamoCartStore(dynamo, table, clock);
    DynamoCustomerStore customerStore = new DynamoCustomerStore(dynamo, table);
    CustomerService customers = onRegistered == null
        ? new CustomerService(customerStore, clock, defaultLocale)
        : new CustomerService(customerStore, clock, defaultLocale, onRegistered);
    OrderService orderService = new OrderService(orders, catalog, carts, customers, customerStore,
        new SqsOrderEvents(sqs, orderEventsQueueUrl), new DeliveryCalculator(DeliveryConfig.defaults()), limits, clock,
        new DynamoPurchaseCosts(dynamo, table), new PromoItems(dynamo, table),
        batchedReads ? new DynamoOrderIntakeReads(dynamo, table, clock) : null);
    return new OrderComponents(orders, catalog, carts, customerStore, customers, orderService,
        new CartService(carts, limits, clock, customers::isCustomersToken));
  }
}
