package dev.storeops.shared.order.aws;

import dev.storeops.shared.customer.CustomerService;
import dev.storeops.shared.mail.MailOutbox;
import dev.storeops.shared.mail.WelcomeMail;
import dev.storeops.shared.order.CartService;
import dev.storeops.shared.order.DeliveryCalculator;
import dev.storeops.shared.order.DeliveryConfig;
import dev.storeops.shared.order.OrderLimits;
import dev.storeops.shared.order.OrderService;
import dev.storeops.shared.repo.DynamoCustomerStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The order services wired to DynamoDB and SQS; built once per container by the handlers. */
public record OrderComponents(DynamoOrderStore orders, DynamoCatalog catalog, DynamoCartStore carts,
    DynamoCustomerStore customerStore, CustomerService customers, OrderService orderService, CartService cartService) {

  /**
   * @param mail where the welcome mail of a newly registered customer goes ({@code null}: no welcome mail)
   */
  public static OrderComponents build(DynamoDbClient dynamo, SqsClient sqs, String table, String orderEventsQueueUrl,
      OrderLimits limits, String defaultLocale, Clock clock, MailOutbox mail) {
    DynamoOrderStore orders = new DynamoOrderStore(dynamo, table);
    DynamoCatalog catalog = new DynamoCatalog(dynamo, table, clock);
    DynamoCartStore carts = new DynamoCartStore(dynamo, table);
    DynamoCustomerStore customerStore = new DynamoCustomerStore(dynamo, table);
    CustomerService customers = mail == null
        ? new CustomerService(customerStore, clock, defaultLocale)
        : new CustomerService(customerStore, clock, defaultLocale, WelcomeMail.onRegistered(mail));
    OrderService orderService = new OrderService(orders, catalog, carts, customers, customerStore,
        new SqsOrderEvents(sqs, orderEventsQueueUrl), new DeliveryCalculator(DeliveryConfig.defaults()), limits, clock);
    return new OrderComponents(orders, catalog, carts, customerStore, customers, orderService,
        new CartService(carts, limits, clock));
  }
}
