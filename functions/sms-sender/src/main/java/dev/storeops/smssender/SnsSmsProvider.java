package dev.storeops.smssender;

import dev.storeops.messaging.sms.SmsProvider;
import dev.storeops.messaging.sms.SmsProviderException;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Amazon SNS: {@code Publish} straight to a phone number, {@code AWS.SNS.SMS.SMSType = Transactional}
 * (delivery before cost), {@code AWS.SNS.SMS.SenderID} = the shop's sender name (where the country
 * supports sender IDs). Refusals: {@code InvalidParameter*} (a bad number), {@code OptedOut}, {@code
 * AuthorizationError}, {@code EndpointDisabled} → permanent; throttling, 5xx, timeouts → retried (a
 * timeout after the request went out: {@link SmsProviderException#NO_ANSWER}, not sent again).
 */
final class SnsSmsProvider implements SmsProvider {
  private final SnsClient sns;

  SnsSmsProvider(SnsClient sns) {
    this.sns = sns;
  }

  @Override
  public String send(String phone, String text, String sender) throws SmsProviderException {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    attributes.put("AWS.SNS.SMS.SMSType", string("Transactional"));
    if (sender != null && !sender.isBlank()) {
      attributes.put("AWS.SNS.SMS.SenderID", string(sender));
    }
    try {
      return sns.publish(p -> p.phoneNumber(phone).message(text).messageAttributes(attributes)).messageId();
    } catch (SnsException e) {
      String code = e.awsErrorDetails() == null ? "sns-" + e.statusCode() : e.awsErrorDetails().errorCode();
      boolean permanent = e.statusCode() >= 400 && e.statusCode() < 500 && !e.isThrottlingException()
          && (code.startsWith("InvalidParameter") || code.equals("OptedOut") || code.equals("AuthorizationError")
              || code.equals("EndpointDisabled") || code.equals("ValidationError"));
      throw new SmsProviderException(permanent, code, e.awsErrorDetails() == null ? e.getMessage()
          : e.awsErrorDetails().errorMessage(), e);
    } catch (ApiCallTimeoutException e) {
      throw new SmsProviderException(false, SmsProviderException.NO_ANSWER, "SNS gave no answer in time", e);
    } catch (SdkClientException e) {
      throw new SmsProviderException(false, "sns-client", e.getClass().getSimpleName(), e);
    }
  }

  private static MessageAttributeValue string(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }
}
