package dev.storeops.platform.retry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.Busy;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The services' failures as the SDK raises them (error codes and statuses of the services' documentation). */
class TransientFailureTest {
  private static AwsServiceException service(String code, int status) {
    return AwsServiceException.builder().statusCode(status).message(code)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
  }

  private static TransactionCanceledException canceled(String... codes) {
    CancellationReason[] reasons = new CancellationReason[codes.length];
    for (int i = 0; i < codes.length; i++) {
      reasons[i] = CancellationReason.builder().code(codes[i]).build();
    }
    return TransactionCanceledException.builder().statusCode(400).cancellationReasons(reasons)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build()).build();
  }

  @Test
  void throttlingServerErrorsAndTimeoutsArePassing() {
    assertTrue(TransientFailure.of(ProvisionedThroughputExceededException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build())
        .build()));
    assertTrue(TransientFailure.of(service("ThrottlingException", 400)), "SQS");
    assertTrue(TransientFailure.of(service("TooManyRequestsException", 429)), "SES");
    assertTrue(TransientFailure.of(service("SlowDown", 503)), "S3");
    assertTrue(TransientFailure.of(service("RequestLimitExceeded", 400)), "DynamoDB account limit");
    assertTrue(TransientFailure.of(InternalServerErrorException.builder().statusCode(500).build()));
    assertTrue(TransientFailure.of(service("InternalFailure", 500)));
    assertTrue(TransientFailure.of(SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new SocketTimeoutException("Connect timed out")).build()));
    assertTrue(TransientFailure.of(ApiCallTimeoutException.create(5000)));
    assertTrue(TransientFailure.of(canceled("None", "TransactionConflict")));
    assertTrue(TransientFailure.of(canceled("ThrottlingError", "None")));
    assertTrue(TransientFailure.of(new Busy("busy", "try again")));
    assertTrue(TransientFailure.of(new IllegalStateException("wrapped", service("ThrottlingException", 400))),
        "a cause counts");
  }

  @Test
  void theItemsOwnFailuresAreNot() {
    assertFalse(TransientFailure.of(ConditionalCheckFailedException.builder().statusCode(400).build()));
    assertFalse(TransientFailure.of(canceled("None", "ConditionalCheckFailed")));
    assertFalse(TransientFailure.of(canceled("ValidationError")));
    assertFalse(TransientFailure.of(ResourceNotFoundException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build()).build()));
    assertFalse(TransientFailure.of(service("AccessDeniedException", 400)));
    assertFalse(TransientFailure.of(service("ValidationException", 400)));
    assertFalse(TransientFailure.of(SdkClientException.builder().message("Unable to marshall request").build()));
    assertFalse(TransientFailure.of(new IllegalStateException("the order has no lines")));
    assertFalse(TransientFailure.of(new NullPointerException()));
  }
}
