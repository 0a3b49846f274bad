package dev.storeops.platform.retry;

import dev.storeops.platform.errors.Busy;
import java.io.IOException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Whether a failure is the infrastructure's and passing — throttling, a service's 5xx, a timeout, a connection
 * that failed or broke, a transaction that met another one — rather than the item's own. Such a failure says
 * nothing about the item: the same work succeeds once the service answers again, so it is retried and never
 * counted toward parking the item as poison ({@code PoisonItems}): an hour of throttling must not park every
 * item that fell due in it. The SDK has already retried each of them ({@code AwsClients}' retry policy) before
 * it reaches the caller.
 */
public final class TransientFailure {
  private TransientFailure() {}

  /** True when {@code e} or one of its causes is a passing failure of a service or of the network. */
  public static boolean of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (passing(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean passing(Throwable t) {
    if (t instanceof Busy || t instanceof IOException || t instanceof UncheckedIOException
        || t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
      return true;
    }
    if (t instanceof TransactionCanceledException canceled && canceled.hasCancellationReasons()) {
      // cancelled because of throughput or another transaction on the same items, not because a condition failed
      return canceled.cancellationReasons().stream().map(r -> r.code() == null ? "None" : r.code())
          .allMatch(code -> code.equals("None") || code.equals("ThrottlingError")
              || code.equals("TransactionConflict") || code.equals("ProvisionedThroughputExceeded"));
    }
    if (t instanceof SdkServiceException service) {
      // AwsServiceException knows the services' throttling codes (ProvisionedThroughputExceeded, SlowDown, ...)
      return service.isThrottlingException() || service.statusCode() >= 500
          || (service instanceof AwsServiceException aws && aws.awsErrorDetails() != null
              && "RequestLimitExceeded".equals(aws.awsErrorDetails().errorCode()));
    }
    // a client-side failure is passing when the network caused it (a cause above is an IOException); one that
    // is the request's own (it could not be marshalled, a missing region) is not
    return false;
  }
}
