package dev.storeops.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.stack.EmbeddedBackend;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3 bucket notifications, which no S3 emulator raises: wraps S3Proxy's blob store, and after every
 * object written through the S3 endpoint (PUT, multipart completion, copy) delivers an
 * ObjectCreated event to each function whose S3 event source matches (bucket, event type,
 * prefix/suffix). Delivery is asynchronous and at least once: a failed invocation is retried twice,
 * as Lambda retries asynchronous invocations.
 */
public final class S3Notifications implements EmbeddedBackend.BlobStoreDecorator, AutoCloseable {
  private static final Log LOG = Log.get(S3Notifications.class);
  private static final int ATTEMPTS = 3;

  /** A function with an S3 event source on a bucket (physical name). */
  public record Target(String bucket, LocalTemplate.S3Source source, LocalFunction function) {}

  private final List<Target> targets = new ArrayList<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 16);
  private final String region;
  private final long retryDelayMillis;
  private volatile boolean open = true;
  /** Driven mode: events wait here until {@link #deliverPending()}; null: delivered asynchronously at once. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> pending;

  public S3Notifications(String region, long retryDelayMillis) {
    this(region, retryDelayMillis, false);
  }

  /** {@code driven}: events are held until the caller runs {@link #deliverPending()} on its own thread (the simulation). */
  public S3Notifications(String region, long retryDelayMillis, boolean driven) {
    this.region = region;
    this.retryDelayMillis = retryDelayMillis;
    this.pending = driven ? new java.util.concurrent.ConcurrentLinkedQueue<>() : null;
  }

  /** Driven mode: delivers the events raised so far (with Lambda's async retries), in order; their number. */
  public int deliverPending() {
    int n = 0;
    for (Runnable r; pending != null && (r = pending.poll()) != null; n++) {
      r.run();
    }
    return n;
  }

  /** Called once the functions exist (the blob store is wrapped before the emulator starts). */
  public synchronized void addTarget(Target target) {
    targets.add(target);
  }

  @Override
  public BlobStore decorate(BlobStore store) {
    return new ForwardingBlobStore(store) {
      @Override
      public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
        PutObjectResponse response = super.putBlob(request, content);
        created(this, request.bucket(), request.key(), "ObjectCreated:Put", response.eTag());
        return response;
      }

      @Override
      public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
          CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(this, upload.containerName(), upload.blobName(), "ObjectCreated:CompleteMultipartUpload",
            response.eTag());
        return response;
      }

      @Override
      public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        created(this, request.destinationBucket(), request.destinationKey(), "ObjectCreated:Copy",
            response.copyObjectResult() == null ? null : response.copyObjectResult().eTag());
        return response;
      }
    };
  }

  private void created(BlobStore store, String bucket, String key, String eventName, String eTag) {
    if (!open || key == null || key.startsWith(".s3proxy-mpu-stub-") || key.contains("/.s3proxy-mpu-stub-")) {
      return;
    }
    List<Target> matching;
    synchronized (this) {
      matching = targets.stream().filter(t -> t.bucket().equals(bucket) && t.source().matches(eventName, key)).toList();
    }
    if (matching.isEmpty()) {
      return;
    }
    long size;
    try {
      size = store.blobMetadata(HeadObjectRequest.builder().bucket(bucket).key(key).build()).contentLength();
    } catch (RuntimeException e) {
      size = 0;
    }
    String sequence = String.format("%016X", sequencer.incrementAndGet());
    for (Target t : matching) {
      byte[] event = event(t, bucket, key, eventName, size, eTag, sequence);
      if (pending != null) {
        pending.add(() -> deliver(t, event));
      } else {
        executor.submit(() -> deliver(t, event));
      }
    }
  }

  private void deliver(Target target, byte[] event) {
    for (int attempt = 1; attempt <= ATTEMPTS && open; attempt++) {
      int a = attempt;
      LocalFunction.Result r = target.function().invoke(event, "s3 " + target.source().bucketId(),
          result -> "ok (attempt " + a + ")");
      if (r.ok()) {
        return;
      }
      if (attempt < ATTEMPTS && retryDelayMillis > 0) {
        try {
          Thread.sleep(retryDelayMillis * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    LOG.warn("s3 event dropped after retries", "function", target.function().logicalId(), "attempts", ATTEMPTS);
  }

  private byte[] event(Target t, String bucket, String key, String eventName, long size, String eTag, String sequence) {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode r = root.putArray("Records").addObject();
    r.put("eventVersion", "2.1");
    r.put("eventSource", "aws:s3");
    r.put("awsRegion", region);
    r.put("eventTime", Instant.now().toString());
    r.put("eventName", eventName);
    r.putObject("userIdentity").put("principalId", "AWS:LOCAL");
    r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    ObjectNode response = r.putObject("responseElements");
    response.put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase());
    response.put("x-amz-id-2", UUID.randomUUID().toString());
    ObjectNode s3 = r.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", t.source().functionId() + "-" + t.source().event());
    ObjectNode b = s3.putObject("bucket");
    b.put("name", bucket);
    b.putObject("ownerIdentity").put("principalId", "LOCAL");
    b.put("arn", "arn:aws:s3:::" + bucket);
    ObjectNode o = s3.putObject("object");
    // S3 URL-encodes the key in notifications (a space becomes '+')
    o.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
    o.put("size", size);
    if (eTag != null) {
      o.put("eTag", eTag.replace("\"", ""));
    }
    o.put("sequencer", sequence);
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    open = false;
    executor.shutdownNow();
  }
}
