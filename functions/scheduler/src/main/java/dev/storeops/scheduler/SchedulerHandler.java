package dev.storeops.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.storeops.platform.Job;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.log.LambdaLogContext;
import dev.storeops.platform.metrics.Metrics;
import java.time.Clock;
import java.util.Map;

/** Scheduler target: {@link JobDispatcher} runs the job its Input names; {@link SchedulerWiring} builds them. */
public final class SchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Metrics metrics;
  private final JobDispatcher dispatcher;

  public SchedulerHandler() {
    this(Env.system());
  }

  public SchedulerHandler(Env env) {
    this(env, Clock.systemUTC());
  }

  public SchedulerHandler(Env env, Clock clock) {
    this(env, clock, Metrics.from(env));
  }

  private SchedulerHandler(Env env, Clock clock, Metrics metrics) {
    this(SchedulerWiring.jobs(env, clock, metrics), metrics);
  }

  public SchedulerHandler(Map<String, Job> jobs) {
    this(jobs, Metrics.from(Env.system()));
  }

  public SchedulerHandler(Map<String, Job> jobs, Metrics metrics) {
    this.metrics = metrics;
    this.dispatcher = new JobDispatcher(jobs);
  }

  public Map<String, Job> jobs() {
    return dispatcher.jobs();
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    LambdaLogContext.enter(context);
    return metrics.flushAfter(() -> dispatcher.run(input));
  }
}
