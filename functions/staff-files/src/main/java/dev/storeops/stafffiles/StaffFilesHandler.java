package dev.storeops.stafffiles;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.http.RouterHandler;
import java.time.Clock;

/**
 * The staff routes that need S3, on the staff API (StaffJwt authorizer) beside staff-api, so that staff-api
 * carries no S3 client (docs/performance.md, Less to load): the invoice link {@link StaffInvoiceRoutes}, the
 * supplier files {@link StaffSupplierRoutes}, built by {@link StaffFilesWiring}.
 */
public final class StaffFilesHandler extends RouterHandler {
  public StaffFilesHandler() {
    this(Env.system());
  }

  public StaffFilesHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  /** With a controllable clock (the links' expiry). */
  public StaffFilesHandler(Env env, Clock clock) {
    super(StaffFilesWiring.router(env, clock));
  }
}
