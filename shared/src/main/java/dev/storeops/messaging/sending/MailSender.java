package dev.storeops.messaging.sending;

import java.util.List;
import java.util.Map;

/** Hands a rendered mail to the mail service. */
public interface MailSender {
  /** A mail ready to go. */
  record OutgoingMail(String from, String to, RenderedMail content, Map<String, String> headers,
      String configurationSet) {}

  /** Sends; returns the service's message id or throws {@link SendFailedException}. */
  String send(OutgoingMail mail);

  /** The service refused or could not take the mail. */
  final class SendFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;
    private final boolean throttled;
    private final String code;
    private final boolean maybeSent;

    public SendFailedException(String code, boolean retryable, boolean throttled, String message, Throwable cause) {
      this(code, retryable, throttled, false, message, cause);
    }

    /** {@code maybeSent}: the request went out and no answer came back (a read timeout): SES may have the mail. */
    public SendFailedException(String code, boolean retryable, boolean throttled, boolean maybeSent, String message,
        Throwable cause) {
      super(message, cause);
      this.code = code;
      this.retryable = retryable;
      this.throttled = throttled;
      this.maybeSent = maybeSent;
    }

    /** The mail may have been accepted although the call failed: sending it again could send it twice. */
    public boolean maybeSent() {
      return maybeSent;
    }

    /** The service asked us to slow down: the rest of the batch should wait too. */
    public boolean throttled() {
      return throttled;
    }

    public boolean retryable() {
      return retryable;
    }

    public String code() {
      return code;
    }
  }

  /** Which service errors are worth retrying later: throttling, quotas, server faults, the network. */
  final class Errors {
    private static final List<String> THROTTLING = List.of("TooManyRequests", "Throttling",
        "LimitExceeded", "RequestLimitExceeded", "SlowDown", "ServiceUnavailable");

    private Errors() {}

    public static boolean retryable(String errorCode, int httpStatus) {
      if (httpStatus == 429 || httpStatus >= 500 || httpStatus <= 0) {
        return true;
      }
      if (errorCode == null) {
        return false;
      }
      for (String t : THROTTLING) {
        if (errorCode.startsWith(t)) {
          return true;
        }
      }
      return false;
    }

    public static boolean throttling(String errorCode, int httpStatus) {
      return httpStatus == 429 || (errorCode != null
          && THROTTLING.stream().limit(4).anyMatch(errorCode::startsWith));
    }
  }
}
