package dev.storeops.orderapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.shared.aws.AwsClients;
import dev.storeops.shared.config.Env;
import dev.storeops.shared.customer.Customer;
import dev.storeops.shared.customer.CustomerRegistration;
import dev.storeops.shared.customer.CustomerService;
import dev.storeops.shared.http.HttpResponse;
import dev.storeops.shared.http.Router;
import dev.storeops.shared.mail.MailIntent;
import dev.storeops.shared.mail.SqsMailOutbox;
import dev.storeops.shared.repo.DynamoCustomerStore;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The public storefront API (HTTP API, payload 2.0). Thin: each route parses the request, calls a
 * service and maps the result; everything is built once per container.
 */
public final class OrderApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final Router router;

  public OrderApiHandler() {
    this(Env.system());
  }

  public OrderApiHandler(Env env) {
    DynamoDbClient dynamo = new AwsClients(env).dynamoDb();
    String table = env.required("TABLE_NAME");
    String emailQueueUrl = env.optional("EMAIL_QUEUE_URL", null);
    SqsMailOutbox outbox = emailQueueUrl == null ? null : new SqsMailOutbox(new AwsClients(env).sqs(), emailQueueUrl);
    CustomerService customers = new CustomerService(new DynamoCustomerStore(dynamo, table),
        Clock.systemUTC(), env.optional("DEFAULT_LOCALE", "ru"), customer -> {
          if (outbox != null) {
            // the welcome flow (issue 7): one intent per customer, deduped by the sender
            outbox.send(new MailIntent("welcome#" + customer.id(), "welcome", MailIntent.Category.TRANSACTIONAL,
                customer.id(), customer.email(), customer.locale(), "welcome",
                Map.of("customerName", customer.name())));
          }
        });

    this.router = new Router()
        .on("POST /customers", request -> {
          Customer created = customers.register(request.bodyAs(CustomerRegistration.class));
          return HttpResponse.json(201, created, Map.of("Location", "/customers/" + created.id()));
        })
        .on("GET /customers/{id}", request -> HttpResponse.json(200, customers.get(request.pathParameter("id"))));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event);
  }
}
