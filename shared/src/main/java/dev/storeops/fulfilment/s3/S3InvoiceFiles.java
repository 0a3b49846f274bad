package dev.storeops.fulfilment.s3;

import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The bank-transfer invoices in S3, one object per order under their own prefix {@code invoices/<orderId>.pdf}
 * (the bucket's lifecycle rule for that prefix in template.yaml keeps them five years), read by people only
 * through short-lived presigned URLs.
 */
public final class S3InvoiceFiles implements dev.storeops.fulfilment.invoices.InvoiceFiles {
  public static final String PREFIX = "invoices/";
  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;

  public S3InvoiceFiles(S3Client s3, S3Presigner presigner, String bucket) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  /**
   * Invoice files whose S3 client and presigner are built on first use (through {@code clients}, once per
   * container): a function that issues an invoice only for some orders (bank transfer) does not build them
   * in init nor load them on every other order's first request. Priming builds them before a checkpoint.
   */
  public static dev.storeops.fulfilment.invoices.InvoiceFiles onFirstUse(dev.storeops.platform.aws.AwsClients clients,
      String bucket) {
    return new dev.storeops.fulfilment.invoices.InvoiceFiles() {
      @Override
      public boolean exists(String orderId) {
        return files().exists(orderId);
      }

      @Override
      public void put(String orderId, byte[] pdf) {
        files().put(orderId, pdf);
      }

      @Override
      public String presignedGet(String orderId, Duration ttl) {
        return files().presignedGet(orderId, ttl);
      }

      private S3InvoiceFiles files() {
        return new S3InvoiceFiles(clients.s3(), clients.s3Presigner(), bucket); // the clients are built once
      }
    };
  }

  public static String key(String orderId) {
    return PREFIX + orderId + ".pdf";
  }

  @Override
  public boolean exists(String orderId) {
    try {
      s3.headObject(b -> b.bucket(bucket).key(key(orderId)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void put(String orderId, byte[] pdf) {
    s3.putObject(b -> b.bucket(bucket).key(key(orderId)).contentType("application/pdf")
        .contentDisposition("inline; filename=\"invoice-" + orderId + ".pdf\""), RequestBody.fromBytes(pdf));
  }

  /** A GET URL of the invoice valid for {@code ttl}. */
  @Override
  public String presignedGet(String orderId, Duration ttl) {
    return presigner.presignGetObject(p -> p.signatureDuration(ttl)
        .getObjectRequest(g -> g.bucket(bucket).key(key(orderId)))).url().toString();
  }
}
