package dev.storeops.stafffiles;

import dev.storeops.catalog.ReadImportReports;
import dev.storeops.catalog.UploadSupplierFile;
import dev.storeops.catalog.s3.S3SupplierFileStore;
import dev.storeops.fulfilment.s3.S3InvoiceFiles;
import dev.storeops.ordering.dynamo.DynamoOrderReader;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.aws.Priming;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.Router;
import dev.storeops.staff.StaffPermissions;
import java.time.Clock;
import java.util.Map;

/** Builds staff-files' object graph once per container: the S3 stores, then the route classes on one router. */
final class StaffFilesWiring {
  private StaffFilesWiring() {}

  static Router router(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    String table = env.required("TABLE_NAME");
    String supplierBucket = env.required("SUPPLIER_BUCKET");
    // every route's roles come from the one permission table (docs/permissions.md), as in staff-api
    Router router = new Router(StaffPermissions.groupsByRoute());
    // the bank-transfer invoice of an order (its manager: the own-work rule) as a short-lived link
    new StaffInvoiceRoutes(new DynamoOrderReader(clients.dynamoDb(), table)::find,
        new S3InvoiceFiles(clients.s3(), clients.s3Presigner(), env.required("INVOICE_BUCKET")), clock)
        .register(router);
    // the console's supplier files: import reports with their rejected rows, presigned uploads into incoming/
    S3SupplierFileStore supplierFiles = new S3SupplierFileStore(clients.s3(), clients.s3Presigner(), supplierBucket);
    new StaffSupplierRoutes(new ReadImportReports(supplierFiles, clock), new UploadSupplierFile(supplierFiles, clock))
        .register(router);
    // SnapStart: the snapshot holds the clients, mappings and router warmed (docs/performance.md)
    Priming.of("staff-files", env)
        .step("dynamodb", clients.primeDynamoDb(table))
        .step("s3", clients.primeS3(supplierBucket))
        .staffRoute(router, "GET /staff/orders/{id}/invoice", "/staff/orders/ord_priming/invoice",
            Map.of("id", "ord_priming"), "owner")
        .lambdaEvent(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.class,
            com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse.class)
        .register();
    return router;
  }
}
