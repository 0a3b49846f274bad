package dev.storeops.reportsstream;

import dev.storeops.reporting.dynamo.ReportsStreamService;
import dev.storeops.reporting.dynamo.StreamImages;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.Log;
import dev.storeops.reporting.dynamo.DynamoReportStore;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB stream of the store table → report items. Records of a shard arrive in order; the first
 * record that fails is reported by its sequence number and the rest of the batch is not processed
 * (ReportBatchItemFailures: Lambda retries from that record), so nothing is skipped, the order is
 * kept and the records before it are not repeated. After MaximumRetryAttempts the batch goes to the
 * on-failure queue (template.yaml).
 */
public final class ReportsStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private static final Log LOG = Log.get(ReportsStreamHandler.class);
  private final ReportsStreamService service;

  public ReportsStreamHandler() {
    this(Env.system());
  }

  public ReportsStreamHandler(Env env) {
    this.service = new ReportsStreamService(
        new DynamoReportStore(new AwsClients(env).dynamoDb(), env.required("TABLE_NAME")),
        ZoneId.of(env.optional("SHOP_TIME_ZONE", "Europe/Moscow")));
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    if (event == null || event.getRecords() == null) {
      return new StreamsEventResponse(failures);
    }
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      String sequence = r.getDynamodb() == null ? r.getEventID() : r.getDynamodb().getSequenceNumber();
      if (!failures.isEmpty()) {
        break;
      }
      try {
        if (r.getDynamodb() != null) {
          service.apply(StreamImages.of(r.getDynamodb().getOldImage()), StreamImages.of(r.getDynamodb().getNewImage()));
        }
      } catch (RuntimeException e) {
        LOG.error("stream record failed", e, "eventId", r.getEventID(), "sequenceNumber", sequence);
        failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
      }
    }
    return new StreamsEventResponse(failures);
  }
}
