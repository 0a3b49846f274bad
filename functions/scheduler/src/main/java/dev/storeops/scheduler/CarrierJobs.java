package dev.storeops.scheduler;

import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.carriers.CarrierSettings;
import dev.storeops.fulfilment.carriers.PollParcels;
import dev.storeops.fulfilment.dynamo.CarrierComponents;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.platform.Job;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.metrics.ShopMetrics;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code {"job":"parcel-poll"}}: the CDEK parcels due on the due-work index are asked about and their
 * orders moved ({@link PollParcels}, docs/carriers.md); the schedule fires every 15 minutes, each parcel
 * comes due every {@code CARRIER_POLL_MINUTES} (backing off while nothing moves).
 */
final class CarrierJobs {
  private CarrierJobs() {}

  static void register(Map<String, Job> jobs, FlowComponents flow, DynamoDbClient dynamo, String table,
      FlowSettings settings, Clock clock, Env env, ShopMetrics metrics) {
    jobs.put(PollParcels.JOB, CarrierComponents.build(dynamo, table, flow, settings, clock)
        .poll(CarrierSettings.from(env), metrics, clock));
  }
}
