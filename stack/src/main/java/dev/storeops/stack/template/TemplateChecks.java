package dev.storeops.stack.template;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules every template.yaml of storeops must keep. Each check returns a list of plain-language
 * violations naming the resource; an empty list means the template passes.
 */
public final class TemplateChecks {
  public static final Set<String> RUNTIMES = Set.of("java21", "java25");
  private final SamTemplate template;
  private final Path repoRoot;
  private final ClassLoader classLoader;

  public TemplateChecks(SamTemplate template, Path repoRoot, ClassLoader classLoader) {
    this.template = template;
    this.repoRoot = repoRoot;
    this.classLoader = classLoader;
  }

  public List<String> all() {
    List<String> out = new ArrayList<>();
    out.addAll(handlers());
    out.addAll(environment());
    out.addAll(functionDependencies());
    out.addAll(sqsBatchFailures());
    out.addAll(streamBatchFailures());
    out.addAll(asyncFailureDestinations());
    out.addAll(queueRedrive());
    out.addAll(alarms());
    out.addAll(logRetention());
    out.addAll(runtimes());
    out.addAll(staffRoutesAuthorized());
    out.addAll(publicFunctionsCannotMassWrite());
    out.addAll(dynamoDbGrantsMatchCode());
    out.addAll(sesSendsAsOneIdentity());
    out.addAll(s3GrantsByPrefix());
    out.addAll(publicRoutesThrottled());
    out.addAll(staffRoutesNeverAnswerStar());
    return out;
  }

  /** Every Handler names a class on the classpath that is a Lambda handler with a public no-arg constructor. */
  public List<String> handlers() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      String name = f.handlerClass();
      if (name == null) {
        out.add(f.logicalId() + ": no Handler");
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, classLoader);
      } catch (ClassNotFoundException | LinkageError e) {
        out.add(f.logicalId() + ": handler class " + name + " does not exist");
        continue;
      }
      if (!isLambdaHandler(type)) {
        out.add(f.logicalId() + ": " + name
            + " is not a Lambda handler (implements neither RequestHandler nor RequestStreamHandler)");
      }
      if (Modifier.isAbstract(type.getModifiers())) {
        out.add(f.logicalId() + ": " + name + " is abstract");
      }
      try {
        if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
          out.add(f.logicalId() + ": " + name + " has no public no-argument constructor");
        }
      } catch (NoSuchMethodException e) {
        out.add(f.logicalId() + ": " + name + " has no public no-argument constructor");
      }
      String handler = f.handler();
      if (handler.contains("::") && !handler.endsWith("::handleRequest")) {
        out.add(f.logicalId() + ": handler method must be handleRequest, not " + handler);
      }
    }
    return out;
  }

  /**
   * Every variable a function's code reads is set for it (in its Environment or Globals). Its code is its
   * own sources plus the classes of its storeops dependencies (shared) that they name — the settings
   * factories its Wiring calls ({@link ModuleSources}). Shared code reads variables only in such
   * factories ({@code static X from(Env env)}), never elsewhere.
   */
  public List<String> environment() {
    List<String> out = new ArrayList<>();
    ModuleSources sources = new ModuleSources(repoRoot);
    for (SamFunction f : template.functions()) {
      String module = f.moduleDir();
      if (module == null) {
        out.add(f.logicalId() + ": CodeUri is not a module path (functions/<name>/target/<name>.jar)");
        continue;
      }
      Set<String> set = f.environment().keySet();
      for (String name : EnvReads.inFiles(sources.reachedFrom(repoRoot.resolve(module)))) {
        if (!EnvReads.providedByPlatform(name) && !set.contains(name)) {
          out.add(f.logicalId() + ": the code reads environment variable " + name + " but the template does not set it");
        }
      }
    }
    Path shared = repoRoot.resolve("shared/src/main/java");
    for (Path file : ModuleSources.javaFiles(shared)) {
      String source = EnvReads.read(file);
      if (EnvReads.isSettingsFactory(source)) {
        continue;
      }
      for (String name : EnvReads.inText(source)) {
        if (!EnvReads.providedByPlatform(name)) {
          out.add("shared module reads environment variable " + name + " in " + shared.relativize(file)
              + " outside a settings factory (static ... from(Env env)): read it there or in the function's Wiring");
        }
      }
    }
    return out;
  }

  /** No function module depends on another function module (shared code lives in shared, not in a function). */
  public List<String> functionDependencies() {
    List<String> out = new ArrayList<>();
    ModuleSources sources = new ModuleSources(repoRoot);
    Set<String> functionModules = new HashSet<>();
    for (SamFunction f : template.functions()) {
      if (f.moduleDir() != null) {
        functionModules.add(Path.of(f.moduleDir()).getFileName().toString());
      }
    }
    for (SamFunction f : template.functions()) {
      if (f.moduleDir() == null) {
        continue;
      }
      for (String dep : sources.storeopsDependencies(repoRoot.resolve(f.moduleDir()))) {
        if (functionModules.contains(dep)) {
          out.add(f.logicalId() + ": its module depends on the function module " + dep
              + "; move what they share to shared");
        }
      }
    }
    return out;
  }

  /** Every SQS event source reports batch item failures. */
  public List<String> sqsBatchFailures() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      for (var e : f.eventsOfType("SQS")) {
        Object types = SamFunction.eventProperties(e.getValue()).get("FunctionResponseTypes");
        if (!(types instanceof List<?> l) || !l.contains("ReportBatchItemFailures")) {
          out.add(f.logicalId() + "." + e.getKey() + ": SQS event without FunctionResponseTypes: [ReportBatchItemFailures]");
        }
      }
    }
    return out;
  }

  /** Stream event source types (DynamoDB Streams, Kinesis). */
  public static final List<String> STREAM_EVENT_TYPES = List.of("DynamoDB", "Kinesis");

  /**
   * Every stream event source (DynamoDB, Kinesis) reports batch item failures and gives up after a
   * bounded number of retries to an on-failure destination — otherwise one bad record blocks its
   * shard until the record expires.
   */
  public List<String> streamBatchFailures() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      for (String type : STREAM_EVENT_TYPES) {
        for (var e : f.eventsOfType(type)) {
          Map<String, Object> p = SamFunction.eventProperties(e.getValue());
          String where = f.logicalId() + "." + e.getKey() + ": " + type + " stream event";
          if (!(p.get("FunctionResponseTypes") instanceof List<?> l) || !l.contains("ReportBatchItemFailures")) {
            out.add(where + " without FunctionResponseTypes: [ReportBatchItemFailures]");
          }
          if (!(p.get("MaximumRetryAttempts") instanceof Number n) || n.intValue() < 0) {
            out.add(where + " without MaximumRetryAttempts (a bad record would block the shard)");
          }
          if (onFailureDestination(p) == null) {
            out.add(where + " without DestinationConfig.OnFailure.Destination");
          }
        }
      }
    }
    return out;
  }

  /** Event source types through which Lambda is invoked asynchronously (retried, then dropped without a destination). */
  public static final List<String> ASYNC_EVENT_TYPES = List.of("S3", "Schedule", "ScheduleV2", "EventBridgeRule", "SNS");

  /**
   * Every function with an asynchronous trigger (S3, Schedule, ScheduleV2, EventBridgeRule, SNS) has
   * {@code EventInvokeConfig.DestinationConfig.OnFailure} — otherwise an event that fails after Lambda's own
   * retries is dropped silently.
   */
  public List<String> asyncFailureDestinations() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      List<String> async = f.events().entrySet().stream()
          .filter(e -> ASYNC_EVENT_TYPES.contains(String.valueOf(e.getValue().get("Type"))))
          .map(Map.Entry::getKey).sorted().toList();
      if (!async.isEmpty() && f.asyncOnFailure() == null) {
        out.add(f.logicalId() + ": asynchronous trigger " + String.join(", ", async)
            + " without EventInvokeConfig.DestinationConfig.OnFailure (failed events would be dropped)");
      }
    }
    return out;
  }

  private static Object onFailureDestination(Map<String, Object> eventProperties) {
    return eventProperties.get("DestinationConfig") instanceof Map<?, ?> d && d.get("OnFailure") instanceof Map<?, ?> f
        ? f.get("Destination") : null;
  }

  /** Every queue that is not itself a dead-letter queue has a redrive policy to a queue of the template. */
  @SuppressWarnings("unchecked")
  public List<String> queueRedrive() {
    List<String> out = new ArrayList<>();
    List<String> queues = template.resourcesOfType("AWS::SQS::Queue");
    Set<String> dlqs = deadLetterQueues();
    for (String q : queues) {
      if (dlqs.contains(q)) {
        continue;
      }
      Object policy = template.properties(q).get("RedrivePolicy");
      if (!(policy instanceof Map<?, ?> p)) {
        out.add(q + ": queue without a RedrivePolicy (dead-letter queue)");
        continue;
      }
      Object target = p.get("deadLetterTargetArn");
      String dlq = target instanceof Map<?, ?> t && t.get("Fn::GetAtt") instanceof List<?> ga
          ? String.valueOf(ga.get(0)) : null;
      if (dlq == null || !"AWS::SQS::Queue".equals(template.typeOf(dlq))) {
        out.add(q + ": RedrivePolicy.deadLetterTargetArn must be !GetAtt <queue of this template>.Arn");
      }
      Object max = ((Map<String, Object>) p).get("maxReceiveCount");
      if (!(max instanceof Number n) || n.intValue() < 1) {
        out.add(q + ": RedrivePolicy without maxReceiveCount");
      }
    }
    return out;
  }

  /**
   * Every function has an Errors alarm ({@code AWS/Lambda Errors} with {@code FunctionName: !Ref <function>})
   * and every dead-letter queue (redrive target, stream or asynchronous on-failure queue, schedule DLQ) a
   * depth alarm ({@code AWS/SQS ApproximateNumberOfMessagesVisible} with {@code QueueName: !GetAtt
   * <queue>.QueueName}); every alarm has AlarmActions, or nobody hears it.
   */
  public List<String> alarms() {
    List<String> out = new ArrayList<>();
    Set<String> errorsAlarmed = new HashSet<>();
    Set<String> depthAlarmed = new HashSet<>();
    for (String alarm : template.resourcesOfType("AWS::CloudWatch::Alarm")) {
      Map<String, Object> p = template.properties(alarm);
      if (!(p.get("AlarmActions") instanceof List<?> actions) || actions.isEmpty()) {
        out.add(alarm + ": alarm without AlarmActions (nobody would be told)");
        continue;
      }
      String metric = p.get("Namespace") + " " + p.get("MetricName");
      List<?> dimensions = p.get("Dimensions") instanceof List<?> l ? l : List.of();
      for (Object d : dimensions) {
        if (!(d instanceof Map<?, ?> dim)) {
          continue;
        }
        Object value = dim.get("Value");
        if (metric.equals("AWS/Lambda Errors") && "FunctionName".equals(dim.get("Name"))
            && value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String fn) {
          errorsAlarmed.add(fn);
        }
        if (metric.equals("AWS/SQS ApproximateNumberOfMessagesVisible") && "QueueName".equals(dim.get("Name"))
            && value instanceof Map<?, ?> att && att.get("Fn::GetAtt") instanceof List<?> ga && ga.size() == 2
            && "QueueName".equals(ga.get(1))) {
          depthAlarmed.add(String.valueOf(ga.get(0)));
        }
      }
    }
    for (SamFunction f : template.functions()) {
      if (!errorsAlarmed.contains(f.logicalId())) {
        out.add(f.logicalId() + ": no Errors alarm (AWS::CloudWatch::Alarm on AWS/Lambda Errors, FunctionName: !Ref "
            + f.logicalId() + ")");
      }
    }
    Set<String> dlqs = deadLetterQueues();
    for (String q : template.resourcesOfType("AWS::SQS::Queue")) {
      if (dlqs.contains(q) && !depthAlarmed.contains(q)) {
        out.add(q + ": dead-letter queue without a depth alarm (AWS::CloudWatch::Alarm on AWS/SQS"
            + " ApproximateNumberOfMessagesVisible, QueueName: !GetAtt " + q + ".QueueName)");
      }
    }
    return out;
  }

  /** The queues that receive what failed: redrive targets, stream and asynchronous on-failure queues, schedule DLQs. */
  private Set<String> deadLetterQueues() {
    List<String> queues = template.resourcesOfType("AWS::SQS::Queue");
    Set<String> dlqs = new HashSet<>();
    for (String q : queues) {
      Object policy = template.properties(q).get("RedrivePolicy");
      if (policy instanceof Map<?, ?> p && p.get("deadLetterTargetArn") instanceof Map<?, ?> arn
          && arn.get("Fn::GetAtt") instanceof List<?> ga) {
        dlqs.add(String.valueOf(ga.get(0)));
      }
    }
    // a stream event source's on-failure queue is a dead-letter queue too
    for (SamFunction f : template.functions()) {
      for (String type : STREAM_EVENT_TYPES) {
        for (var e : f.eventsOfType(type)) {
          if (onFailureDestination(SamFunction.eventProperties(e.getValue())) instanceof Map<?, ?> arn
              && arn.get("Fn::GetAtt") instanceof List<?> ga) {
            dlqs.add(String.valueOf(ga.get(0)));
          }
        }
      }
    }
    // so is an asynchronous invocation's on-failure queue and a schedule's dead-letter queue
    for (SamFunction f : template.functions()) {
      if (f.asyncOnFailure() instanceof Map<?, ?> of && of.get("Destination") instanceof Map<?, ?> arn
          && arn.get("Fn::GetAtt") instanceof List<?> ga) {
        dlqs.add(String.valueOf(ga.get(0)));
      }
      for (var e : f.events().values()) {
        if (SamFunction.eventProperties(e).get("DeadLetterConfig") instanceof Map<?, ?> d
            && d.get("Arn") instanceof Map<?, ?> arn && arn.get("Fn::GetAtt") instanceof List<?> ga) {
          dlqs.add(String.valueOf(ga.get(0)));
        }
      }
    }
    dlqs.retainAll(queues);
    return dlqs;
  }

  /** Every function logs to a log group of the template that has RetentionInDays. */
  public List<String> logRetention() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      Object logging = f.properties().get("LoggingConfig");
      Object group = logging instanceof Map<?, ?> m ? m.get("LogGroup") : null;
      String ref = group instanceof Map<?, ?> g && g.get("Ref") instanceof String s ? s : null;
      if (ref == null || !"AWS::Logs::LogGroup".equals(template.typeOf(ref))) {
        out.add(f.logicalId() + ": LoggingConfig.LogGroup must !Ref a AWS::Logs::LogGroup of the template (explicit retention)");
      } else if (template.properties(ref).get("RetentionInDays") == null) {
        out.add(f.logicalId() + ": log group " + ref + " has no RetentionInDays");
      }
    }
    return out;
  }

  public List<String> runtimes() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      if (!RUNTIMES.contains(String.valueOf(f.runtime()))) {
        out.add(f.logicalId() + ": runtime " + f.runtime() + " is not one of " + RUNTIMES);
      }
    }
    return out;
  }

  /** Routes under /staff/ carry the JWT authorizer. */
  public List<String> staffRoutesAuthorized() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      for (var e : f.eventsOfType("HttpApi")) {
        Map<String, Object> p = SamFunction.eventProperties(e.getValue());
        String path = String.valueOf(p.get("Path"));
        Object auth = p.get("Auth");
        boolean authorized = auth instanceof Map<?, ?> a && a.get("Authorizer") != null
            && !"NONE".equals(a.get("Authorizer"));
        if (path.startsWith("/staff") && !authorized) {
          out.add(f.logicalId() + "." + e.getKey() + ": " + path + " has no JWT authorizer");
        }
      }
    }
    return out;
  }

  /**
   * No staff route can answer {@code Access-Control-Allow-Origin: *} (docs/api.md#cors). A staff route is a
   * route under {@code /staff} or {@code /console}, or one with a JWT authorizer. API Gateway answers CORS
   * for the whole HTTP API a route is on, so the route's API ({@code CorsConfiguration} merged over {@code
   * Globals.HttpApi}'s) must have no CORS, or {@code AllowOrigins} that can never be {@code *}: literal
   * origins without {@code *}, and parameters that cannot be set to {@code *} — no {@code *} in their
   * {@code Default} or {@code AllowedValues}, and a {@code Rules} assertion {@code Fn::Not [Fn::Contains [Ref P,
   * '*']]} (a rule without a {@code RuleCondition}) or an {@code AllowedPattern} that refuses {@code *}.
   * {@code CorsConfiguration: true} means {@code *} and fails.
   */
  public List<String> staffRoutesNeverAnswerStar() {
    List<String> out = new ArrayList<>();
    Map<String, String> verdictByApi = new java.util.HashMap<>();
    for (SamFunction f : template.functions()) {
      for (var e : f.eventsOfType("HttpApi")) {
        Map<String, Object> p = SamFunction.eventProperties(e.getValue());
        String path = String.valueOf(p.getOrDefault("Path", "/"));
        boolean staff = path.startsWith("/staff") || path.equals("/console") || path.startsWith("/console/")
            || authorized(p);
        if (!staff) {
          continue;
        }
        String api = p.get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id ? id : "ServerlessHttpApi";
        String why = verdictByApi.computeIfAbsent(api, k -> starOrigins(apiProperties(p).get("CorsConfiguration")));
        if (!why.isEmpty()) {
          out.add(f.logicalId() + "." + e.getKey() + ": staff route " + routeKey(p) + " is on " + api
              + ", whose CORS " + why + " - put staff routes on an HttpApi whose AllowOrigins can never be '*'");
        }
      }
    }
    return out;
  }

  /** Why this CorsConfiguration could answer {@code *}; empty when it never can. */
  private String starOrigins(Object cors) {
    if (cors == null || Boolean.FALSE.equals(cors)) {
      return "";
    }
    if (Boolean.TRUE.equals(cors) || "true".equals(String.valueOf(cors))) {
      return "is 'true' (any origin, '*')";
    }
    if (!(cors instanceof Map<?, ?> c)) {
      return "is not a map the check can read";
    }
    return starIn(c.get("AllowOrigins"));
  }

  /** Why this AllowOrigins value (a literal, a list or an intrinsic) could be or contain {@code *}; empty when never. */
  private String starIn(Object value) {
    if (value == null || value instanceof Number) {
      return "";
    }
    if (value instanceof String s) {
      return s.contains("*") ? "allows '" + s + "'" : "";
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        String why = starIn(item);
        if (!why.isEmpty()) {
          return why;
        }
      }
      return "";
    }
    if (value instanceof Map<?, ?> m && m.size() == 1) {
      var fn = m.entrySet().iterator().next();
      String name = String.valueOf(fn.getKey());
      if (name.equals("Ref")) {
        String ref = String.valueOf(fn.getValue());
        return template.parameters().containsKey(ref) ? parameterCanBeStar(ref) : "";
      }
      if (name.equals("Fn::Sub") && fn.getValue() instanceof String sub) {
        if (sub.replaceAll("\\$\\{[^}]*}", "").contains("*")) {
          return "allows '" + sub + "'";
        }
        var refs = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(sub);
        while (refs.find()) {
          if (template.parameters().containsKey(refs.group(1))) {
            String why = parameterCanBeStar(refs.group(1));
            if (!why.isEmpty()) {
              return why;
            }
          }
        }
        return "";
      }
      if (List.of("Fn::If", "Fn::Join", "Fn::Split", "Fn::Select").contains(name)) {
        List<?> args = fn.getValue() instanceof List<?> l ? l : List.of(fn.getValue());
        // Fn::If's first argument is a condition's name, not a value
        return starIn(name.equals("Fn::If") && !args.isEmpty() ? args.subList(1, args.size()) : args);
      }
      return "takes its origins from " + name + ", which the check cannot show is never '*'";
    }
    return "has AllowOrigins the check cannot read";
  }

  private static final List<String> STAR_PROBES = List.of("*", "https://*", "https://*.example.com", "http://localhost:*");

  /** Why parameter {@code name} could be set to {@code *}; empty when it cannot. */
  private String parameterCanBeStar(String name) {
    Map<String, Object> param = template.parameters().get(name);
    if (String.valueOf(param.getOrDefault("Default", "")).contains("*")) {
      return "defaults to '*' (parameter " + name + ")";
    }
    if (param.get("AllowedValues") instanceof List<?> values) {
      return values.stream().anyMatch(v -> String.valueOf(v).contains("*"))
          ? "can be set to '*' (parameter " + name + "'s AllowedValues)" : "";
    }
    if (param.get("AllowedPattern") instanceof String pattern
        && STAR_PROBES.stream().noneMatch(probe -> probe.matches(pattern))) {
      return "";
    }
    return refusedByARule(name) ? "" : "can be set to '*' (parameter " + name
        + " has no Rules assertion 'Fn::Not': [{ 'Fn::Contains': [!Ref " + name + ", '*'] }])";
  }

  /** Whether a rule without a condition asserts {@code Fn::Not [Fn::Contains [Ref name, '*']]}. */
  private boolean refusedByARule(String name) {
    for (Map<String, Object> rule : template.rules().values()) {
      if (rule.get("RuleCondition") != null || !(rule.get("Assertions") instanceof List<?> assertions)) {
        continue;
      }
      for (Object a : assertions) {
        if (a instanceof Map<?, ?> assertion && assertion.get("Assert") instanceof Map<?, ?> not
            && not.get("Fn::Not") instanceof List<?> negated && negated.size() == 1
            && negated.get(0) instanceof Map<?, ?> contains && contains.get("Fn::Contains") instanceof List<?> args
            && args.size() == 2 && args.get(0) instanceof Map<?, ?> ref && name.equals(ref.get("Ref"))
            && "*".equals(args.get(1))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Every {@code /staff} route of the template has an entry in the permission table, and every entry of
   * the table is a route of the template (the table: {@code staff/StaffPermissions}, route keys such as
   * {@code PUT /staff/products/{sku}}). Not part of {@link #all()}: it needs the table to compare with.
   */
  public List<String> staffRoutePermissions(Set<String> permissionTable) {
    List<String> out = new ArrayList<>();
    Set<String> routes = new HashSet<>();
    for (SamFunction f : template.functions()) {
      for (var e : f.eventsOfType("HttpApi")) {
        Map<String, Object> p = SamFunction.eventProperties(e.getValue());
        String path = String.valueOf(p.get("Path"));
        if (!path.startsWith("/staff")) {
          continue;
        }
        String key = String.valueOf(p.get("Method")).toUpperCase(java.util.Locale.ROOT) + " " + path;
        routes.add(key);
        if (!permissionTable.contains(key)) {
          out.add(f.logicalId() + "." + e.getKey() + ": " + key + " has no entry in the permission table");
        }
      }
    }
    permissionTable.stream().filter(k -> !routes.contains(k)).sorted()
        .forEach(k -> out.add("permission table: " + k + " is not a route of the template"));
    return out;
  }

  // ------------------------------------------------------------------ least privilege (docs/operations.md)

  /** The HttpApi routes of a function that carry no authorizer (neither their own nor the API's default). */
  public List<String> publicRoutes(SamFunction f) {
    List<String> out = new ArrayList<>();
    for (var e : f.eventsOfType("HttpApi")) {
      Map<String, Object> p = SamFunction.eventProperties(e.getValue());
      if (!authorized(p)) {
        out.add(routeKey(p));
      }
    }
    return out;
  }

  private static String routeKey(Map<String, Object> eventProperties) {
    return String.valueOf(eventProperties.getOrDefault("Method", "ANY")).toUpperCase() + " "
        + eventProperties.getOrDefault("Path", "/");
  }

  private boolean authorized(Map<String, Object> eventProperties) {
    if (eventProperties.get("Auth") instanceof Map<?, ?> a && a.get("Authorizer") != null) {
      return !"NONE".equals(a.get("Authorizer"));
    }
    return apiProperties(eventProperties).get("Auth") instanceof Map<?, ?> a && a.get("DefaultAuthorizer") != null
        && !"NONE".equals(a.get("DefaultAuthorizer"));
  }

  /** The HttpApi an event belongs to ({@code ApiId: !Ref X}, else the implicit API), Globals.HttpApi merged in. */
  private Map<String, Object> apiProperties(Map<String, Object> eventProperties) {
    String api = eventProperties.get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id ? id : null;
    return SamTemplate.merge(template.globals("HttpApi"), api == null ? Map.of() : template.properties(api));
  }

  /**
   * A public HTTP function (a route without an authorizer) may not Scan, DeleteItem or BatchWriteItem
   * (nor hold a policy that grants them, such as DynamoDBCrudPolicy): anyone on the internet reaches it.
   */
  public List<String> publicFunctionsCannotMassWrite() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      List<String> routes = publicRoutes(f);
      if (routes.isEmpty()) {
        continue;
      }
      for (PolicyGrants.Grant g : PolicyGrants.of(f)) {
        List<String> mass = CodeActions.DYNAMODB_MASS_ACTIONS.stream().sorted().filter(g::allows).toList();
        if (!mass.isEmpty()) {
          out.add(f.logicalId() + ": public HTTP function (" + routes.get(0) + (routes.size() > 1 ? ", …" : "")
              + " has no authorizer) is granted " + String.join(", ", mass) + " by " + g.source()
              + "; grant the single-item actions its code calls");
        }
      }
    }
    return out;
  }

  /**
   * Each function's DynamoDB grants are the actions its code calls ({@link CodeActions}: the SDK calls
   * in the classes it reaches), no more and no fewer; {@code <table>/index/*} only when it queries an
   * index. A {@code DynamoDBCrudPolicy} on a function whose code never deletes fails with its own message.
   * {@code DescribeTable}, which the SAM templates add, is not compared.
   */
  public List<String> dynamoDbGrantsMatchCode() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      if (f.moduleDir() == null) {
        continue;
      }
      Map<String, String> calls = new java.util.TreeMap<>();
      CodeActions.whereInFunction(repoRoot, repoRoot.resolve(f.moduleDir())).forEach((a, file) -> {
        if (a.startsWith("dynamodb:")) {
          calls.put(a, file);
        }
      });
      boolean queriesIndex = calls.remove(CodeActions.DYNAMODB_INDEX) != null;
      List<PolicyGrants.Grant> grants = PolicyGrants.of(f).stream().filter(g -> g.touches("dynamodb")).toList();
      Set<String> reported = new HashSet<>();
      for (PolicyGrants.Grant g : grants) {
        if (g.source().equals("DynamoDBCrudPolicy") && !calls.containsKey("dynamodb:DeleteItem")) {
          out.add(f.logicalId() + ": DynamoDBCrudPolicy, but its code never deletes; grant the actions it calls"
              + " (explicit statement) instead");
          reported.addAll(g.actions());
        }
      }
      Set<String> granted = new java.util.TreeSet<>();
      boolean indexGranted = false;
      for (PolicyGrants.Grant g : grants) {
        for (String a : g.actions()) {
          if (a.equals("dynamodb:*") || a.equals("*")) {
            out.add(f.logicalId() + ": grants " + a + " (by " + g.source() + "); grant the actions its code calls");
          } else if (a.startsWith("dynamodb:")) {
            granted.add(a);
          }
        }
        if (g.resources().stream().anyMatch(r -> r.contains("/index/") || r.equals("*"))) {
          indexGranted = true;
        }
      }
      for (String a : granted) {
        if (!calls.containsKey(a) && !a.equals("dynamodb:DescribeTable") && !reported.contains(a)) {
          out.add(f.logicalId() + ": grants " + a + " that its code never calls");
        }
      }
      for (var c : calls.entrySet()) {
        if (grants.stream().noneMatch(g -> g.allows(c.getKey()))) {
          out.add(f.logicalId() + ": its code calls " + c.getKey() + " (" + c.getValue() + ") but its policy does not grant it");
        }
      }
      if (queriesIndex && !indexGranted) {
        out.add(f.logicalId() + ": its code queries an index of the table but no statement grants dynamodb:Query on"
            + " !Sub ${Table.Arn}/index/*");
      }
      if (!queriesIndex && indexGranted && !grants.isEmpty()) {
        out.add(f.logicalId() + ": grants access to the table's indexes but its code queries none");
      }
    }
    return out;
  }

  /** A function may send mail as one SES identity (the sender's), never as any ({@code identity/*} or {@code *}). */
  public List<String> sesSendsAsOneIdentity() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      for (PolicyGrants.Grant g : PolicyGrants.of(f)) {
        if (!g.touches("ses")) {
          continue;
        }
        if (g.isTemplate()) {
          Object identity = g.templateArgs().get("IdentityName");
          if (identity == null || String.valueOf(identity).contains("*")) {
            out.add(f.logicalId() + ": " + g.source() + " without one IdentityName lets it send as any SES identity");
          }
          continue;
        }
        for (String r : g.resources()) {
          if (r.equals("*") || r.matches(".*:identity/\\*$") || r.endsWith(":*")) {
            out.add(f.logicalId() + ": grants " + String.join(", ", g.actions()) + " on " + r
                + "; name the sender identity (identity/${SenderIdentity})");
          }
        }
      }
    }
    return out;
  }

  /**
   * S3 objects are granted by prefix ({@code arn:aws:s3:::bucket/incoming/*}), never the whole bucket
   * ({@code bucket/*}, {@code *}, or the bucket-wide SAM templates S3CrudPolicy, S3ReadPolicy, S3WritePolicy,
   * S3FullAccessPolicy).
   */
  public List<String> s3GrantsByPrefix() {
    List<String> out = new ArrayList<>();
    for (SamFunction f : template.functions()) {
      for (PolicyGrants.Grant g : PolicyGrants.of(f)) {
        if (!g.touches("s3")) {
          continue;
        }
        if (g.isTemplate()) {
          out.add(f.logicalId() + ": " + g.source() + " grants the whole bucket; grant the actions it uses on the prefixes it uses");
          continue;
        }
        boolean objectActions = g.actions().stream().anyMatch(a -> a.equals("*") || a.equals("s3:*") || a.contains("Object"));
        for (String r : g.resources()) {
          int arn = r.indexOf(":::");
          String path = arn < 0 ? r : r.substring(arn + 3);
          int slash = path.indexOf('/');
          boolean wholeBucket = r.equals("*") || (slash >= 0 && path.substring(slash).equals("/*"));
          if (objectActions && wholeBucket) {
            out.add(f.logicalId() + ": grants " + String.join(", ", g.actions()) + " on " + r
                + "; name the prefixes (bucket/prefix/*)");
          }
        }
      }
    }
    return out;
  }

  /**
   * Every public route is throttled: its HttpApi has {@code DefaultRouteSettings} with {@code
   * ThrottlingBurstLimit} and {@code ThrottlingRateLimit}, or a {@code RouteSettings} entry for the route
   * (on the API, keyed {@code "METHOD /path"}, or on the event). A {@code RouteSettings} key that names no
   * route of the API is a typo and fails too.
   */
  @SuppressWarnings("unchecked")
  public List<String> publicRoutesThrottled() {
    List<String> out = new ArrayList<>();
    Map<String, Set<String>> routesByApi = new java.util.LinkedHashMap<>();
    for (SamFunction f : template.functions()) {
      for (var e : f.eventsOfType("HttpApi")) {
        Map<String, Object> p = SamFunction.eventProperties(e.getValue());
        String api = p.get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id ? id : "ServerlessHttpApi";
        routesByApi.computeIfAbsent(api, k -> new HashSet<>()).add(routeKey(p));
        if (authorized(p)) {
          continue;
        }
        Map<String, Object> apiProps = apiProperties(p);
        Object perRoute = apiProps.get("RouteSettings") instanceof Map<?, ?> rs ? rs.get(routeKey(p)) : null;
        if (!throttles(apiProps.get("DefaultRouteSettings")) && !throttles(perRoute) && !throttles(p.get("RouteSettings"))) {
          out.add(f.logicalId() + "." + e.getKey() + ": public route " + routeKey(p)
              + " has no throttling (DefaultRouteSettings or RouteSettings with ThrottlingBurstLimit and ThrottlingRateLimit)");
        }
      }
    }
    for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      if (template.properties(api).get("RouteSettings") instanceof Map<?, ?> rs) {
        for (Object key : rs.keySet()) {
          if (!routesByApi.getOrDefault(api, Set.of()).contains(String.valueOf(key))) {
            out.add(api + ": RouteSettings '" + key + "' names no route of the API");
          }
        }
      }
    }
    return out;
  }

  private static boolean throttles(Object settings) {
    return settings instanceof Map<?, ?> s && s.get("ThrottlingBurstLimit") instanceof Number b && b.doubleValue() > 0
        && s.get("ThrottlingRateLimit") instanceof Number r && r.doubleValue() > 0;
  }

  private boolean isLambdaHandler(Class<?> type) {
    for (String iface : List.of("com.amazonaws.services.lambda.runtime.RequestHandler",
        "com.amazonaws.services.lambda.runtime.RequestStreamHandler")) {
      try {
        if (Class.forName(iface, false, classLoader).isAssignableFrom(type)) {
          return true;
        }
      } catch (ClassNotFoundException e) {
        // lambda core not visible: cannot be a handler
      }
    }
    return false;
  }
}
