package dev.storeops.platform.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import org.junit.jupiter.api.Test;

class LogTest {

  @Test
  void theStackTraceHasEveryFrameAndEveryCause() {
    Exception root = new IllegalArgumentException("root cause");
    Exception top = new IllegalStateException("top", root);
    String trace = Log.stackTrace(top);
    assertTrue(trace.contains("IllegalStateException: top"), trace);
    assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException: root cause"), trace);
    assertTrue(trace.split("\n\tat ").length > 2, "more than the first frame: " + trace);
  }

  @Test
  void aLineCarriesTheInvocationAndTheWholeTrace() throws Exception {
    LambdaLogContext.enter(context("req-1", "fn-log-test"));
    String line = Log.get(LogTest.class).line("ERROR", "it failed",
        new IllegalStateException("top", new RuntimeException("inner")), new Object[] {"k", 1});
    JsonNode json = Json.mapper().readTree(line);
    assertEquals("req-1", json.path("requestId").asText());
    assertEquals("fn-log-test", json.path("function").asText());
    assertTrue(json.path("coldStart").asBoolean());
    assertEquals(1, json.path("k").asInt());
    assertTrue(json.path("stackTrace").asText().contains("Caused by: java.lang.RuntimeException: inner"));

    LambdaLogContext.enter(context("req-2", "fn-log-test"));
    JsonNode second = Json.mapper().readTree(Log.get(LogTest.class).line("INFO", "again", null, new Object[0]));
    assertEquals("req-2", second.path("requestId").asText());
    assertFalse(second.path("coldStart").asBoolean());
    assertTrue(second.path("stackTrace").isMissingNode());
  }

  @Test
  void aFieldTheCallerPassesWinsOverTheInvocations() throws Exception {
    LambdaLogContext.enter(context("req-3", "fn-other"));
    String line = Log.get(LogTest.class).line("INFO", "x", null, new Object[] {"requestId", "mine"});
    assertEquals(1, line.split("\"requestId\"").length - 1, line);
    assertEquals("mine", Json.mapper().readTree(line).path("requestId").asText());
  }

  @Test
  void aNullContextIsTolerated() {
    LambdaLogContext.Fields f = LambdaLogContext.enter(null);
    assertEquals(null, f.requestId());
    assertEquals(null, f.functionName());
  }

  private static Context context(String requestId, String function) {
    return new Context() {
      @Override public String getAwsRequestId() { return requestId; }
      @Override public String getLogGroupName() { return null; }
      @Override public String getLogStreamName() { return null; }
      @Override public String getFunctionName() { return function; }
      @Override public String getFunctionVersion() { return null; }
      @Override public String getInvokedFunctionArn() { return null; }
      @Override public CognitoIdentity getIdentity() { return null; }
      @Override public ClientContext getClientContext() { return null; }
      @Override public int getRemainingTimeInMillis() { return 0; }
      @Override public int getMemoryLimitInMB() { return 0; }
      @Override public LambdaLogger getLogger() { return null; }
    };
  }
}
