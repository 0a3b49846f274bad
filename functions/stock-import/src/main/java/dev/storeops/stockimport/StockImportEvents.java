package dev.storeops.stockimport;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.stockimport.core.ImportReport;
import java.util.ArrayList;
import java.util.List;

/**
 * S3 ObjectCreated records → one {@link StockImportService#handle} per object of the supplier bucket
 * ({@code points/…}: a shop point's till file, {@link PointSalesFileImport}; {@code profiles/<id>.json}: a profile
 * saved, whose purchase terms are recorded, {@link StockImportService#profileSaved}). A
 * failure (not bad input, which becomes a report) is thrown so that Lambda retries the event — each
 * object is still applied once. Each file's outcome is counted (ImportsApplied / Quarantined / Refused); an
 * object already handled (a repeated event) is not counted again.
 */
final class StockImportEvents {
  private static final Log LOG = Log.get(StockImportHandler.class);
  private final StockImportService service;
  private final String bucket;
  private final ShopMetrics metrics;
  private final PointSalesFileImport points;

  /** @param points the shop points' till files under {@code points/} (docs/points.md) */
  StockImportEvents(StockImportService service, String bucket, ShopMetrics metrics, PointSalesFileImport points) {
    this.points = points;
    this.service = service;
    this.bucket = bucket;
    this.metrics = metrics;
  }

  List<ImportReport> handle(S3Event event) {
    List<ImportReport> reports = new ArrayList<>();
    for (S3EventNotificationRecord record : event.getRecords()) {
      var s3 = record.getS3();
      if (!bucket.equals(s3.getBucket().getName())) {
        LOG.warn("event from another bucket ignored", "bucket", s3.getBucket().getName());
        continue;
      }
      var object = s3.getObject();
      // a profile saved: its purchase terms go to the table for the purchase list (docs/reports.md)
      if (StockImportService.isProfile(object.getUrlDecodedKey())) {
        service.profileSaved(object.getUrlDecodedKey());
        continue;
      }
      if (PointSalesFileImport.concerns(object.getUrlDecodedKey())) {
        points.handle(object.getUrlDecodedKey(), object.getVersionId());
        continue;
      }
      service.handle(new StockImportService.ObjectRef(bucket, object.getUrlDecodedKey(), object.getVersionId(),
          object.geteTag(), object.getSequencer(), object.getSizeAsLong())).ifPresent(report -> {
            metrics.importOutcome(report.status());
            reports.add(report);
          });
    }
    return reports;
  }
}
