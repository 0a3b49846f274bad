package dev.storeops.staffapi;

import dev.storeops.catalog.ManageCatalog;
import dev.storeops.ordering.OrderQueries;
import dev.storeops.messaging.WelcomeMail;
import dev.storeops.reporting.ReportSettings;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.messaging.dynamo.DynamoReviewRequests;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.ordering.OrderLimits;
import dev.storeops.ordering.dynamo.OrderComponents;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.config.ShopSettings;
import dev.storeops.platform.http.Router;
import dev.storeops.reporting.ReportService;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import dev.storeops.reporting.s3.S3SupplierTerms;
import java.time.Clock;

/** Builds the staff API's object graph once per container: services, then the route classes on one router. */
final class StaffApiWiring {
  private StaffApiWiring() {}

  static Router router(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    String table = env.required("TABLE_NAME");
    ShopSettings shop = ShopSettings.from(env);
    SqsMailOutbox outbox = new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL"));
    OrderComponents c = OrderComponents.build(clients.dynamoDb(), clients.sqs(), table,
        env.required("ORDER_EVENTS_QUEUE_URL"), OrderLimits.from(env), shop.defaultLocale(), clock, WelcomeMail.onRegistered(outbox));
    ReportService reports = new ReportService(new DynamoReportStore(clients.dynamoDb(), table),
        new S3SupplierTerms(clients.s3(), env.required("SUPPLIER_BUCKET")), clock, shop.zone(),
        ReportSettings.from(env).coverDays());
    FlowComponents flow = FlowComponents.build(clients.dynamoDb(), table, outbox, FlowSettings.from(env), clock,
        env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation());
    // a delivered order gets its review request N days later (issue 7 flow; idempotent per order)
    DynamoReviewRequests reviews = new DynamoReviewRequests(clients.dynamoDb(), table, clock);
    Router router = new Router();
    new StaffOrderRoutes(c.orderService(), new OrderQueries(c.catalog(), c.orders(), c.customerStore()),
        new ManageCatalog(c.catalog(), clock)).register(router);
    new StaffReportRoutes(reports).register(router);
    new StaffFlowRoutes(flow.flow(), flow.tasks(), clock,
        file -> reviews.scheduleAfterDelivery(file.order().id(), file.order().customerId(),
            file.order().statusHistory().get(file.order().statusHistory().size() - 1).at())).register(router);
    return router;
  }
}
