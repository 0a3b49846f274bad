package dev.storeops.stockimport;

import dev.storeops.platform.aws.S3Notification;
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

  List<ImportReport> handle(S3Notification event) {
    List<ImportReport> reports = new ArrayList<>();
    for (S3Notification.Entry record : event.entries()) {
      if (!bucket.equals(record.bucket())) {
        LOG.warn("event from another bucket ignored", "bucket", record.bucket());
        continue;
      }
      var object = record.object();
      if (object == null || object.key() == null) {
        LOG.warn("event without an object ignored", "eventName", record.eventName());
        continue;
      }
      String key = object.decodedKey();
      // a profile saved: its purchase terms go to the table for the purchase list (docs/reports.md)
      if (StockImportService.isProfile(key)) {
        service.profileSaved(key);
        continue;
      }
      if (PointSalesFileImport.concerns(key)) {
        points.handle(key, object.versionId());
        continue;
      }
      service.handle(new StockImportService.ObjectRef(bucket, key, object.versionId(),
          object.eTag(), object.sequencer(), object.size())).ifPresent(report -> {
            metrics.importOutcome(report.status());
            reports.add(report);
          });
    }
    return reports;
  }
}
