package dev.storeops.fulfilment.dynamo;

import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderMutations;
import dev.storeops.fulfilment.RefusalPolicy;
import dev.storeops.fulfilment.RefuseParcel;
import dev.storeops.fulfilment.carriers.ApplyParcelStatus;
import dev.storeops.fulfilment.carriers.CarrierSettings;
import dev.storeops.fulfilment.carriers.CarrierStatusPolicy;
import dev.storeops.fulfilment.carriers.OrderParcelMoves;
import dev.storeops.fulfilment.carriers.ParcelPollSchedule;
import dev.storeops.fulfilment.carriers.PollParcels;
import dev.storeops.fulfilment.carriers.ReceiveCarrierStatus;
import dev.storeops.fulfilment.cdek.HttpCdekTracking;
import dev.storeops.platform.batch.PoisonItems;
import dev.storeops.platform.metrics.ShopMetrics;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The carrier status use cases wired to DynamoDB and the order flow (docs/carriers.md): the parcel
 * poll (scheduler) and the generic webhook (payment-webhook), both acting through one
 * {@link ApplyParcelStatus} over {@link OrderParcelMoves}.
 */
public record CarrierComponents(DynamoParcelStore store, ApplyParcelStatus apply) {

  public static CarrierComponents build(DynamoDbClient dynamo, String table, FlowComponents flow,
      FlowSettings settings, Clock clock) {
    DynamoParcelStore store = new DynamoParcelStore(dynamo, table, flow.due(), clock);
    return new CarrierComponents(store,
        new ApplyParcelStatus(new OrderParcelMoves(flow.flow(),
            new RefuseParcel(new OrderMutations(flow.store()), new RefusalPolicy()), flow.tasks(), settings.taskDue())));
  }

  /** The CDEK parcel poll (scheduler job {@value PollParcels#JOB}). */
  public PollParcels poll(CarrierSettings carriers, ShopMetrics metrics, Clock clock) {
    return new PollParcels(store,
        new HttpCdekTracking(carriers.cdekApiUrl(), carriers.cdekClientId(), carriers.cdekClientSecret(), clock),
        carriers.cdekConfigured(), new CarrierStatusPolicy(), apply, ParcelPollSchedule.from(carriers),
        new PoisonItems(store), metrics, clock);
  }

  /** The generic carrier webhook's use case. */
  public ReceiveCarrierStatus webhook() {
    return new ReceiveCarrierStatus(store, new CarrierStatusPolicy(), apply);
  }
}
