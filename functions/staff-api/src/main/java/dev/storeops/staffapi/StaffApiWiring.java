package dev.storeops.staffapi;

import dev.storeops.platform.aws.Priming;
import dev.storeops.catalog.ManageCatalog;
import dev.storeops.catalog.ReadSkuStock;
import dev.storeops.customers.AddCustomerNote;
import dev.storeops.customers.RebuildCustomerSearch;
import dev.storeops.customers.SearchCustomers;
import dev.storeops.customers.dynamo.DynamoContactHistory;
import dev.storeops.customers.dynamo.DynamoCustomerNotes;
import dev.storeops.customers.dynamo.DynamoCustomerSearch;
import dev.storeops.staff.ReadTeam;
import dev.storeops.customers.EraseCustomer;
import dev.storeops.customers.ExportCustomerData;
import dev.storeops.customers.PersonalData;
import dev.storeops.customers.dynamo.DynamoCustomerErasures;
import dev.storeops.messaging.dynamo.DynamoMailPersonalData;
import dev.storeops.ordering.dynamo.DynamoOrderPersonalData;
import dev.storeops.staff.dynamo.DynamoTaskPersonalData;
import dev.storeops.catalog.ReadStockMovements;
import dev.storeops.catalog.dynamo.DynamoStockJournal;
import dev.storeops.catalog.ShortStockPolicy;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.dynamo.DynamoShortStock;
import dev.storeops.fulfilment.dynamo.DynamoStockRepair;
import dev.storeops.fulfilment.RepairStockLedger;
import dev.storeops.ordering.OrderQueries;
import dev.storeops.ordering.ReassignOrder;
import dev.storeops.staff.StaffPermissions;
import dev.storeops.messaging.WelcomeMail;
import dev.storeops.reporting.ReportSettings;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.fulfilment.OrderMutations;
import dev.storeops.fulfilment.ReceiveReturnedParcel;
import dev.storeops.fulfilment.RefundRoutePolicy;
import dev.storeops.fulfilment.RefusalPolicy;
import dev.storeops.fulfilment.RefuseParcel;
import dev.storeops.fulfilment.RegisterReturn;
import dev.storeops.fulfilment.ReturnPolicy;
import dev.storeops.fulfilment.yookassa.RefundAdapters;
import dev.storeops.messaging.dynamo.DynamoReviewRequests;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.messaging.sqs.SqsSmsOutbox;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.reporting.RecordExpenses;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.dynamo.DynamoExpenses;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.dynamo.DynamoSupplierTerms;
import java.time.Clock;
import java.util.List;

/** Builds the staff API's object graph once per container: services, then the route classes on one router. */
final class StaffApiWiring {
  private StaffApiWiring() {}

  static Router router(Env env, Clock clock, Metrics metrics) {
    AwsClients clients = new AwsClients(env);
    String table = env.required("TABLE_NAME");
    ShopSettings shop = ShopSettings.from(env);
    SqsMailOutbox outbox = new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL"));
    OrderComponents c = OrderComponents.build(clients.dynamoDb(), clients.sqs(), table,
        env.required("ORDER_EVENTS_QUEUE_URL"), OrderLimits.from(env), shop.defaultLocale(), clock, WelcomeMail.onRegistered(outbox));
    ReportService reports = new ReportService(new DynamoReportStore(clients.dynamoDb(), table),
        new DynamoSupplierTerms(clients.dynamoDb(), table, clock), clock, shop.zone(),
        ReportSettings.from(env).coverDays());
    // the customer notices on the order's way (ship, deliver, calls, cancel) go by mail and by SMS
    FlowComponents flow = FlowComponents.build(clients.dynamoDb(), table, outbox,
        SqsSmsOutbox.fromUrl(clients.sqs(), env.optional("SMS_QUEUE_URL", null)), FlowSettings.from(env), clock,
        env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation());
    // a delivered order gets its review request N days later (issue 7 flow; idempotent per order)
    DynamoReviewRequests reviews = new DynamoReviewRequests(clients.dynamoDb(), table, clock);
    // every route's roles come from the one permission table (docs/permissions.md)
    Router router = new Router(StaffPermissions.groupsByRoute());
    FlagShortOrders shortOrders = new FlagShortOrders(new DynamoShortStock(clients.dynamoDb(), table, clock),
        flow.tasks(), new ShopMetrics(metrics));
    // the dossier's history: calls, mails and SMS with their status, consent steps, notes, newest first (one
    // GSI1 Query of the history entries per page)
    DynamoContactHistory history = new DynamoContactHistory(clients.dynamoDb(), table);
    OrderQueries queries = new OrderQueries(c.catalog(), c.orders(), c.customerStore(), history);
    DynamoCustomerNotes notes = new DynamoCustomerNotes(clients.dynamoDb(), table);
    new StaffOrderRoutes(c.orderService(), queries,
        new ManageCatalog(c.catalog(), clock, afterStaffCount(shortOrders)),
        new ReassignOrder(c.orders(), c.catalog(), flow.tasks()), new ShopMetrics(metrics), flow.flow()::get).register(router);
    new StaffReportRoutes(reports).register(router);
    // shop points: a till's receipts decrement the point's stock (docs/points.md)
    new StaffPointRoutes(new dev.storeops.catalog.RecordPointSale(c.catalog(),
        new dev.storeops.catalog.dynamo.DynamoPointSales(clients.dynamoDb(), table, clock), clock,
        afterPointSale(shortOrders))).register(router);
    DynamoExpenses expenseStore = new DynamoExpenses(clients.dynamoDb(), table);
    new StaffExpenseRoutes(new RecordExpenses(expenseStore, clock, shop.zone()), expenseStore, reports).register(router);
    new StaffStockRoutes(new ReadStockMovements(c.catalog(), new DynamoStockJournal(clients.dynamoDb(), table)),
        new RepairStockLedger(new DynamoStockRepair(clients.dynamoDb(), table, clock), shortOrders, clock),
        new ReadSkuStock(c.catalog()), new dev.storeops.catalog.ReadPriceHistory(c.catalog(),
            new dev.storeops.catalog.dynamo.DynamoPriceHistory(clients.dynamoDb(), table))).register(router);
    // the console's look-ups: customer search, the team on shift (supplier files and invoice links: staff-files)
    DynamoCustomerSearch searchIndex = new DynamoCustomerSearch(clients.dynamoDb(), table);
    new StaffCustomerRoutes(new SearchCustomers(c.customerStore(), searchIndex),
        new AddCustomerNote(c.customerStore(), notes, clock), new RebuildCustomerSearch(searchIndex), queries,
        new dev.storeops.messaging.sms.SetSmsConsent(c.customerStore(),
            new dev.storeops.messaging.dynamo.DynamoSmsConsents(clients.dynamoDb(), table), clock))
        .register(router);
    new StaffTeamRoutes(new ReadTeam(c.catalog()::managers, flow.tasks(), clock)).register(router);
    // tasks by hand, told to the assignee by mail, and the task report (docs/tasks.md)
    new StaffTaskRoutes(new dev.storeops.staff.CreateTask(flow.taskStore(), c.catalog()::manager,
        dev.storeops.messaging.StaffMails.taskToAssignee(outbox, c.catalog()::manager), clock),
        new dev.storeops.staff.ReadTaskReport(flow.taskStore(), c.catalog()::managers, clock, shop.zone()),
        orderId -> flow.flow().get(orderId)).register(router);
    // a customer's data: every context that keeps something about a customer (docs/privacy.md)
    List<PersonalData> personalData = List.of(new DynamoOrderPersonalData(clients.dynamoDb(), table),
        new DynamoMailPersonalData(clients.dynamoDb(), table, clock), new DynamoTaskPersonalData(clients.dynamoDb(), table),
        notes, history);
    new StaffPrivacyRoutes(new ExportCustomerData(c.customerStore(), personalData, clock),
        new EraseCustomer(c.customerStore(), new DynamoCustomerErasures(clients.dynamoDb(), table), personalData, clock))
        .register(router);
    // returns and refused parcels (docs/returns.md); a refund made tells the customer (docs/notifications.md)
    OrderMutations mutations = new OrderMutations(flow.store());
    // a refund task done marks the return's refund made (docs/returns.md#refund)
    dev.storeops.fulfilment.RecordHandRefund handRefunds = new dev.storeops.fulfilment.RecordHandRefund(mutations,
        new dev.storeops.fulfilment.HandRefundPolicy(), flow.flow().notices()::refundMade, clock);
    new StaffFlowRoutes(flow.flow(), flow.tasks(), clock,
        file -> reviews.scheduleAfterDelivery(file.order().id(), file.order().customerId(),
            file.order().statusHistory().get(file.order().statusHistory().size() - 1).at()),
        handRefunds::taskDone).register(router);
    new StaffReturnRoutes(new RefuseParcel(mutations, new RefusalPolicy()),
        new ReceiveReturnedParcel(mutations, new RefusalPolicy(), flow.tasks(), clock),
        new RegisterReturn(mutations, new ReturnPolicy(), new RefundRoutePolicy(), RefundAdapters.from(env),
            flow.tasks(), flow.flow().notices()::refundMade, clock),
        flow.flow()::get, clock).register(router);
    // SnapStart: the snapshot holds the clients, mappings and router warmed (docs/performance.md)
    Priming.of("staff-api", env)
        .step("dynamodb", clients.primeDynamoDb(table))

        .step("dynamodb writes", clients.primeDynamoDbWrites(table))
        .step("sqs", clients.primeSqs(env.required("EMAIL_QUEUE_URL")))
        .staffRoute(router, "GET /staff/orders/{id}", "/staff/orders/ord_priming", java.util.Map.of("id", "ord_priming"),
            "owner")
        .staffRoute(router, "GET /staff/reports/sales", "/staff/reports/sales", java.util.Map.of(), "owner")
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }

  /** A point sale that leaves fewer units than the orders hold flags them short (catalog/ShortStockPolicy). */
  private static ManageCatalog.StockCounted afterPointSale(FlagShortOrders flag) {
    return (sku, warehouse, before, after, by) ->
        flag.afterCount(sku, warehouse, before, after, ShortStockPolicy.Source.POINT_SALE, by);
  }

  /** A staff count that leaves fewer units than the orders hold flags them short (catalog/ShortStockPolicy). */
  private static ManageCatalog.StockCounted afterStaffCount(FlagShortOrders flag) {
    return (sku, warehouse, before, after, by) ->
        flag.afterCount(sku, warehouse, before, after, ShortStockPolicy.Source.STAFF, by);
  }
}
