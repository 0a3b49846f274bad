package dev.storeops.scheduler;

import dev.storeops.platform.Job;
import dev.storeops.platform.log.Log;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the job a schedule's Input names ({@code {"job":"birthday"}}) and logs how long it took. */
final class JobDispatcher {
  private static final Log LOG = Log.get(SchedulerHandler.class);
  private final Map<String, Job> jobs;

  JobDispatcher(Map<String, Job> jobs) {
    this.jobs = new LinkedHashMap<>(jobs);
  }

  Map<String, Job> jobs() {
    return jobs;
  }

  Map<String, Object> run(Map<String, Object> input) {
    Object name = input == null ? null : input.get("job");
    Job job = name == null ? null : jobs.get(name.toString());
    if (job == null) {
      // a schedule with a wrong Input is a deployment error: fail loudly (Scheduler retries, then its DLQ)
      throw new IllegalArgumentException("unknown scheduled job " + name + "; known: " + jobs.keySet());
    }
    long start = System.nanoTime();
    Map<String, Object> result = job.run();
    LOG.info("scheduled job done", "job", name, "durationMs", (System.nanoTime() - start) / 1_000_000);
    return result;
  }
}
