package dev.storeops.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.config.Env;
import java.util.Map;
import java.util.UUID;

/** A test function on schedules: records the event it got (a Scheduled Event, or the schedule's Input). */
public final class ScheduleRecordingHandler implements RequestHandler<Map<String, Object>, String> {
  private final Recorder recorder;

  public ScheduleRecordingHandler() {
    this(Env.system());
  }

  public ScheduleRecordingHandler(Env env) {
    this.recorder = new Recorder(env);
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    String kind = event.containsKey("job") ? "input-" + event.get("job") : "scheduled-event";
    recorder.record("schedule/" + kind + "/" + UUID.randomUUID() + ".json", event);
    return "done";
  }
}
