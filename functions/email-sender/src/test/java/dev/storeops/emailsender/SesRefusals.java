package dev.storeops.emailsender;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * An SDK {@link ExecutionInterceptor} (registered for this module's tests through the SDK's global
 * interceptor list, {@code software/amazon/awssdk/global/handlers/execution.interceptors}) that makes
 * the next {@link #refuseNext} SES v2 {@code SendEmail} calls fail with the exception SES itself answers
 * (built with the SDK's builders: status, error code and message as on the wire). Every other call, and
 * every send once the count is used up, goes to the emulator unchanged.
 */
public final class SesRefusals implements ExecutionInterceptor {
  private static final AtomicInteger REMAINING = new AtomicInteger();
  private static final AtomicReference<Supplier<RuntimeException>> ANSWER = new AtomicReference<>();

  /** The next {@code count} sends fail with {@code answer}. */
  static void refuseNext(int count, Supplier<RuntimeException> answer) {
    ANSWER.set(answer);
    REMAINING.set(count);
  }

  static void stop() {
    REMAINING.set(0);
  }

  /** SES's throttling answer: HTTP 429 TooManyRequestsException, "Maximum sending rate exceeded." */
  static RuntimeException throttling() {
    return TooManyRequestsException.builder().statusCode(429).message("Maximum sending rate exceeded.")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
            .errorMessage("Maximum sending rate exceeded.").serviceName("SESv2")
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(429).build()).build())
        .build();
  }

  /** SES's answer to an address it will never deliver to: HTTP 400 BadRequestException. */
  static RuntimeException invalidAddress() {
    return BadRequestException.builder().statusCode(400).message("Invalid email address.")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("BadRequestException")
            .errorMessage("Invalid email address.").serviceName("SESv2")
            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build())
        .build();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof SendEmailRequest && REMAINING.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw ANSWER.get().get();
    }
  }
}
