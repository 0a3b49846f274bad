package dev.storeops.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Bodies that API Gateway base64-encoded: decoded when valid, a 400 (not a 500) when not, 413 when huge. */
class HttpRequestBodyTest {
  private static final Router ECHO = new Router().on("POST /echo",
      request -> HttpResponse.of(200, "text/plain", request.bodyText(), java.util.Map.of()));

  private static APIGatewayV2HTTPResponse post(String body, boolean base64) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("POST /echo");
    event.setBody(body);
    event.setIsBase64Encoded(base64);
    return ECHO.handle(event);
  }

  @Test
  void aValidBase64BodyIsDecoded() {
    String form = "token=abc&x=Привет";
    APIGatewayV2HTTPResponse r = post(Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)), true);
    assertEquals(200, r.getStatusCode());
    assertEquals(form, r.getBody());
  }

  @Test
  void aBodyMarkedBase64ThatIsNotIsA400NamingTheBody() {
    for (String garbage : new String[] {"*** not base64", "YWJj=ZGVm", "Y", "token=abc"}) {
      APIGatewayV2HTTPResponse r = post(garbage, true);
      assertEquals(400, r.getStatusCode(), garbage + ": " + r.getBody());
      assertEquals(Problem.MEDIA_TYPE, r.getHeaders().get("Content-Type").split(";")[0]);
      assertTrue(r.getBody().contains("\"field\":\"body\""), r.getBody());
      assertTrue(r.getBody().contains("not valid base64"), r.getBody());
    }
  }

  @Test
  void aHugeBase64BodyIs413BeforeItIsDecoded() {
    String huge = "A".repeat(HttpRequest.MAX_BODY_BYTES / 3 * 4 + 400);
    assertEquals(413, post(huge, true).getStatusCode());
  }
}
