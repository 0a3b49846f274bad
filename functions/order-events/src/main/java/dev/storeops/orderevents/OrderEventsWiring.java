package dev.storeops.orderevents;

import dev.storeops.platform.aws.Priming;
import dev.storeops.fulfilment.invoices.IssueInvoice;
import dev.storeops.fulfilment.invoices.ShopRequisites;
import dev.storeops.fulfilment.s3.S3InvoiceFiles;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.AcceptNewOrder;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.OrderMails;
import dev.storeops.messaging.dynamo.DynamoMailFlows;
import dev.storeops.messaging.dynamo.DynamoOrderSegments;
import dev.storeops.messaging.flows.OrderMailFlowsStep;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.dynamo.DynamoOrderAnnouncements;
import dev.storeops.ordering.dynamo.DynamoOrderStore;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.fulfilment.invoices.Invoice;
import dev.storeops.fulfilment.invoices.PaymentQrPayload;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds what the order events need, once per container. */
final class OrderEventsWiring {
  private OrderEventsWiring() {}

  static OrderCreatedSteps steps(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    DynamoDbClient dynamo = clients.dynamoDb();
    String table = env.required("TABLE_NAME");
    String publicBaseUrl = env.required("PUBLIC_BASE_URL");
    SqsMailOutbox outbox = new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL"));
    DynamoOrderStore orders = new DynamoOrderStore(dynamo, table, clock);
    DynamoCatalog catalog = new DynamoCatalog(dynamo, table, clock);
    AcceptNewOrder service = new AcceptNewOrder(orders, catalog, new DynamoCustomerStore(dynamo, table),
        outbox, new OrderMails(publicBaseUrl), env.required("OPS_EMAIL"));
    // payment deadline of a prepaid order / "confirm by phone" task of a cash-on-delivery order
    // (docs/payments.md), started once the manager is assigned
    var followUps = FlowComponents.build(dynamo, table, outbox, FlowSettings.from(env), clock, publicBaseUrl,
        FlowComponents.noEscalation()).flow();
    OrderMailFlowsStep mailFlows = new OrderMailFlowsStep(orders, new DynamoMailFlows(dynamo, table, clock), catalog,
        new DynamoOrderSegments(dynamo, table));
    IssueInvoice invoices = new IssueInvoice(orders, new DynamoCustomerStore(dynamo, table),
        S3InvoiceFiles.onFirstUse(clients, env.required("INVOICE_BUCKET")), outbox,
        ShopRequisites.from(env), ShopSettings.from(env).zone(), publicBaseUrl, InvoicePdf::render);
    // SnapStart: the snapshot holds the clients and mappings warmed (docs/performance.md)
    Priming.of("order-events", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .step("sqs", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .step("s3", clients.primeS3(env.required("INVOICE_BUCKET")))
        .step("s3 presigner", clients.primeS3Presigner(env.required("INVOICE_BUCKET")))
        .step("invoice pdf", () -> primeInvoice(ShopRequisites.from(env)))
        .step("order item", OrderEventsWiring::primeOrderItem)
        .json(dev.storeops.ordering.OrderCreated.class)
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.SQSEvent.class,
            com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.class)
        .register();
    return new OrderCreatedSteps(service, followUps, mailFlows,
        new DynamoOrderAnnouncements(dynamo, table, new DueWorkStore(dynamo, table, clock)), invoices);
  }

  /** A stored order's shape (every nested record, enum and date), of an order that never exists. */
  static final String PRIMING_ORDER = """
      {"id":"ord_priming","number":"261130-PRIMING","customerId":"cus_priming","channel":"SITE","createdBy":"customer",
       "lines":[{"sku":"PRIMING-1","name":"Сенча","qty":2,"unitPriceMinor":52000,"lineTotalMinor":104000,
                 "discountMinor":5200,"costMinor":30000,"costs":[{"warehouse":"msk-1","qty":2,"unitCostMinor":15000}]}],
       "itemsTotalMinor":104000,"deliveryCostMinor":30000,"totalMinor":128800,"currency":"RUB",
       "delivery":{"option":"COURIER","method":"COURIER","carrier":"cdek","city":"Москва","address":"ул. Тверская, 7",
                   "warehouse":"msk-1","costMinor":30000},
       "paymentMethod":"ONLINE_CARD","status":"NEW",
       "statusHistory":[{"at":"2026-11-30T09:15:00Z","status":"NEW","by":"customer","reason":null}],
       "managerId":"mgr-priming","cartId":null,"accessTokenHash":"priming",
       "reservations":[{"sku":"PRIMING-1","warehouse":"msk-1","qty":2}],
       "createdAt":"2026-11-30T09:15:00Z","updatedAt":"2026-11-30T09:15:00.123456Z",
       "shortLines":[{"sku":"PRIMING-1","warehouse":"msk-1","held":2,"onHand":1}],
       "promo":{"code":"PRIMING","kind":"percent","source":"campaign","discountPercent":5,"discountMinor":5200,
                "limited":false,"oncePerCustomer":true}}""";

  /**
   * A priming step: a real-shaped order through the mapping the order store reads and writes its item with
   * (JSON → {@code Order} → DynamoDB item → {@code Order}), in memory: the first order after a restore
   * finds the order's whole mapping (lines, costs, delivery, status history, reservations, promo) built.
   */
  static void primeOrderItem() {
    try {
      var order = dev.storeops.platform.json.Json.mapper().readValue(PRIMING_ORDER, dev.storeops.ordering.Order.class);
      var back = dev.storeops.platform.dynamo.Attr.read(dev.storeops.platform.dynamo.Attr.item(order),
          dev.storeops.ordering.Order.class);
      if (!back.id().equals(order.id()) || !back.lines().equals(order.lines()) || !back.promo().equals(order.promo())
          || !back.delivery().equals(order.delivery())) {
        throw new IllegalStateException("the priming order did not survive its item: " + back);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A priming step: a one-line invoice of the shop's own requisites drawn into memory (PDFBox with both
   * embedded DejaVu fonts subset, the GOST payment QR code by ZXing), so the first bank-transfer order
   * after a restore finds the PDF and QR code paths loaded. Nothing is stored.
   */
  static void primeInvoice(ShopRequisites shop) {
    String purpose = "Оплата по счёту № 261130-0000 от 30.11.2026. Без НДС";
    Invoice invoice = new Invoice("261130-0000", LocalDate.of(2026, 11, 30), shop, "Проба Пробовна, +7 900 000-00-00",
        List.of(new Invoice.Line("Сенча, 100 г", 1, 52_000, 52_000), new Invoice.Line("Доставка", 1, 30_000, 30_000)),
        82_000, "Без НДС", purpose, PaymentQrPayload.of(shop, purpose, 82_000));
    byte[] pdf = InvoicePdf.render(invoice);
    if (pdf.length < 1_000 || pdf[0] != '%') {
      throw new IllegalStateException("the priming invoice is not a PDF (" + pdf.length + " bytes)");
    }
  }
}
