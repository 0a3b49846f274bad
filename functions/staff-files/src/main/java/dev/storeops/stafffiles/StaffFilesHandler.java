package dev.storeops.stafffiles;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.HttpRoutes;
import dev.storeops.platform.http.Router;
import dev.storeops.platform.log.LambdaLogContext;
import java.time.Clock;
import java.util.List;

/**
 * The staff routes that need S3, on the staff API (StaffJwt authorizer) beside staff-api, so that staff-api
 * carries no S3 client (docs/performance.md, Less to load): the invoice link {@link StaffInvoiceRoutes}, the
 * supplier files {@link StaffSupplierRoutes}, built by {@link StaffFilesWiring}.
 */
public final class StaffFilesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
    HttpRoutes {
  private final Router router;

  public StaffFilesHandler() {
    this(Env.system());
  }

  public StaffFilesHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (the links' expiry). */
  public StaffFilesHandler(Env env, Clock clock) {
    this.router = StaffFilesWiring.router(env, clock);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    LambdaLogContext.enter(context);
    return router.handle(event);
  }

  @Override
  public List<String> routeKeys() {
    return router.routeKeys();
  }
}
