package dev.storeops.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.Job;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import java.time.Clock;
import java.util.Map;

/** Scheduler target: {@link JobDispatcher} runs the job its Input names; {@link SchedulerWiring} builds them. */
public final class SchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final JobDispatcher dispatcher;

  public SchedulerHandler() {
    this(Env.system());
  }

  public SchedulerHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public SchedulerHandler(Env env, Clock clock) {
    this(SchedulerWiring.jobs(env, clock));
  }

  public SchedulerHandler(Map<String, Job> jobs) {
    this.dispatcher = new JobDispatcher(jobs);
  }

  public Map<String, Job> jobs() {
    return dispatcher.jobs();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    LambdaLogContext.enter(context);
    return dispatcher.run(input);
  }
}
