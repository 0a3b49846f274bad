package dev.storeops.paymentwebhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.log.Log;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.ApplyPaymentEvent;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.PaymentEvent;
import dev.storeops.fulfilment.WebhookSignature;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /payments/webhook} (public route): verifies the provider's HMAC signature, parses the
 * event and hands it to {@link OrderFlow#payment}. 401 for a missing, wrong or expired signature, 400
 * for a malformed event, 200 for an applied or repeated event.
 */
public final class PaymentWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Log LOG = Log.get(PaymentWebhookHandler.class);
  private final Router router;

  public PaymentWebhookHandler() {
    this(Env.system());
  }

  public PaymentWebhookHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (tests). */
  public PaymentWebhookHandler(Env env, Clock clock) {
    AwsClients clients = new AwsClients(env);
    WebhookSignature signature = new WebhookSignature(env.required("WEBHOOK_SECRET"), clock,
        WebhookSignature.DEFAULT_TOLERANCE);
    FlowSettings settings = new FlowSettings(Duration.ofHours(env.optionalInt("PAYMENT_REMINDER_HOURS", 72)),
        Duration.ofHours(env.optionalInt("PAYMENT_GRACE_HOURS", 48)), env.optionalInt("MAX_NO_ANSWER_CALLS", 3),
        Duration.ofMinutes(env.optionalInt("TASK_DUE_MINUTES", 120)),
        Duration.ofMinutes(env.optionalInt("URGENT_TASK_DUE_MINUTES", 30)));
    OrderFlow flow = FlowComponents.build(clients.dynamoDb(), env.required("TABLE_NAME"),
        new SqsMailOutbox(clients.sqs(), env.required("EMAIL_QUEUE_URL")), settings, clock,
        env.required("PUBLIC_BASE_URL"), FlowComponents.noEscalation()).flow();
    this.router = new Router().on("POST /payments/webhook", request -> {
      byte[] body = request.bodyBytes();
      WebhookSignature.Verdict verdict = signature.verify(request.header("X-Signature").orElse(null), body);
      if (verdict != WebhookSignature.Verdict.VALID) {
        LOG.warn("webhook signature refused", "verdict", verdict, "requestId", request.requestId());
        throw ApiException.unauthorized(switch (verdict) {
          case MISSING -> "The X-Signature header is missing.";
          case EXPIRED -> "The signature's timestamp is outside the 5-minute window.";
          default -> "The signature is not valid.";
        });
      }
      ApplyPaymentEvent.Result outcome = flow.payment(PaymentEvent.parse(body));
      Map<String, Object> response = new LinkedHashMap<>();
      response.put("received", true);
      response.put("eventId", outcome.eventId());
      response.put("orderId", outcome.orderId());
      response.put("duplicate", outcome.duplicate());
      response.put("outcome", outcome.outcome());
      response.put("orderStatus", outcome.status());
      return HttpResponse.json(200, response);
    });
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event);
  }
}
