package dev.storeops.messaging.ses;

import dev.storeops.messaging.sending.MailSender;
import dev.storeops.messaging.sending.SendFailurePolicy;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;

/** Sends through SES v2: Simple content with a text and an HTML part, custom headers, the configuration set. */
public final class SesMailSender implements MailSender {
  private final SesV2Client ses;

  public SesMailSender(SesV2Client ses) {
    this.ses = ses;
  }

  @Override
  public String send(OutgoingMail mail) {
    List<MessageHeader> headers = new ArrayList<>();
    mail.headers().forEach((name, value) -> headers.add(MessageHeader.builder().name(name).value(value).build()));
    try {
      return ses.sendEmail(b -> {
        b.fromEmailAddress(mail.from())
            .destination(d -> d.toAddresses(mail.to()))
            .content(c -> c.simple(m -> {
              m.subject(utf8(mail.content().subject()))
                  .body(Body.builder().text(utf8(mail.content().text())).html(utf8(mail.content().html())).build());
              if (!headers.isEmpty()) {
                m.headers(headers);
              }
            }));
        if (mail.configurationSet() != null && !mail.configurationSet().isBlank()) {
          b.configurationSetName(mail.configurationSet());
        }
      }).messageId();
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      int status = e.statusCode();
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      throw new SendFailedException(code, SendFailurePolicy.classify(code, status, message),
          "SES refused the mail: " + code + " (HTTP " + status + ")", e);
    } catch (SdkClientException e) {
      throw new SendFailedException("ClientError", SendFailurePolicy.Verdict.TRANSIENT, maybeSent(e),
          "SES could not be reached: " + e.getMessage(), e);
    }
  }

  /** Whether the request may have reached SES: anything but a failure to connect (the answer was lost, not the request). */
  public static boolean maybeSent(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
          || t instanceof java.net.SocketTimeoutException s && String.valueOf(s.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("connect")) {
        return false;
      }
      if (t instanceof java.net.SocketTimeoutException || t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset("UTF-8").build();
  }
}
