package dev.storeops.local;

import dev.storeops.platform.config.Env;
import dev.storeops.stack.template.SamFunction;
import dev.storeops.stack.template.SamTemplate;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What local mode runs from template.yaml: each function's handler (checked before anything
 * starts), its HTTP routes, SQS and S3 event sources and schedules. A template it cannot run (an
 * unknown handler class, an event type it does not support) is a {@link TemplateError} naming the
 * resource; a property it ignores is a one-line warning.
 */
public final class LocalTemplate {
  /** Function properties that change nothing when run locally (deployment and packaging concerns). */
  private static final Set<String> SILENT_FUNCTION_PROPERTIES = Set.of("Handler", "Runtime", "CodeUri",
      "Architectures", "MemorySize", "Timeout", "AutoPublishAlias", "SnapStart", "LoggingConfig", "Environment",
      "Events", "Policies", "Description", "FunctionName", "Tracing", "Role", "Tags", "PropagateTags",
      "AutoPublishCodeSha256", "DeploymentPreference", "PackageType", "KmsKeyArn", "RuntimeManagementConfig",
      "ReservedConcurrentExecutions");
  private static final Map<String, Set<String>> EVENT_PROPERTIES = Map.of(
      "HttpApi", Set.of("ApiId", "Method", "Path", "Auth", "PayloadFormatVersion", "TimeoutInMillis"),
      "SQS", Set.of("Queue", "BatchSize", "FunctionResponseTypes", "Enabled", "ScalingConfig"),
      "DynamoDB", Set.of("Stream", "StartingPosition", "BatchSize", "FunctionResponseTypes", "Enabled",
          "MaximumRetryAttempts", "DestinationConfig", "FilterCriteria", "ParallelizationFactor"),
      "S3", Set.of("Bucket", "Events", "Filter"),
      "Schedule", Set.of("Schedule", "Input", "Enabled", "State", "Name", "Description"),
      "ScheduleV2", Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "Input", "State", "Name",
          "Description", "GroupName", "RoleArn", "OmitName", "PermissionsBoundary"));

  /** The template cannot run locally; the message names the resource. */
  public static final class TemplateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateError(String message) {
      super(message);
    }
  }

  public record FunctionSpec(String logicalId, Class<?> handlerClass, Method method, Constructor<?> constructor,
      int timeoutSeconds, int memoryMb) {}

  /**
   * @param api the logical id of the route's {@code AWS::Serverless::HttpApi} ({@code ApiId: !Ref X}), or
   *     {@code ServerlessHttpApi} for SAM's implicit API
   */
  public record HttpRoute(String functionId, String event, String method, String path, boolean authorized, String api) {}

  /** SAM's implicit HTTP API, the one of an HttpApi event without {@code ApiId}. */
  public static final String IMPLICIT_API = "ServerlessHttpApi";

  /** Concurrent batches of an SQS source or a stream when the template sets no limit (Lambda would scale further). */
  public static final int DEFAULT_CONCURRENCY = 5;

  /**
   * @param concurrency batches handed to the function at once, as Lambda scales out: {@code
   *     ScalingConfig.MaximumConcurrency}, capped by the function's {@code ReservedConcurrentExecutions},
   *     else {@link #DEFAULT_CONCURRENCY}
   */
  public record SqsSource(String functionId, String event, String queueId, int batchSize, boolean reportsFailures,
      boolean enabled, int concurrency) {
    public SqsSource(String functionId, String event, String queueId, int batchSize, boolean reportsFailures,
        boolean enabled) {
      this(functionId, event, queueId, batchSize, reportsFailures, enabled, DEFAULT_CONCURRENCY);
    }
  }

  /**
   * @param parallelization {@code ParallelizationFactor} (1–10): batches of one shard at once, records
   *     of one partition key always in the same one, in order
   * @param concurrency batches at once over all shards: the function's {@code
   *     ReservedConcurrentExecutions}, else {@link #DEFAULT_CONCURRENCY} (at least one per shard)
   */
  public record StreamSource(String functionId, String event, String tableId, String startingPosition, int batchSize,
      boolean reportsFailures, boolean enabled, int maximumRetryAttempts, String onFailureQueueId, EventFilter filter,
      int parallelization, int concurrency) {
    public StreamSource(String functionId, String event, String tableId, String startingPosition, int batchSize,
        boolean reportsFailures, boolean enabled, int maximumRetryAttempts, String onFailureQueueId, EventFilter filter) {
      this(functionId, event, tableId, startingPosition, batchSize, reportsFailures, enabled, maximumRetryAttempts,
          onFailureQueueId, filter, 1, DEFAULT_CONCURRENCY);
    }
  }

  public record S3Source(String functionId, String event, String bucketId, List<String> events, String prefix,
      String suffix) {
    /** Whether an object event ({@code ObjectCreated:Put}) on {@code key} is for this source. */
    public boolean matches(String eventName, String key) {
      boolean type = events.stream().anyMatch(e -> {
        String pattern = e.startsWith("s3:") ? e.substring(3) : e;
        return pattern.endsWith("*") ? eventName.startsWith(pattern.substring(0, pattern.length() - 1))
            : pattern.equals(eventName);
      });
      return type && key.startsWith(prefix) && key.endsWith(suffix);
    }
  }

  public record ScheduleSource(String functionId, String event, String expression, String timezone, String input,
      boolean enabled, boolean v2) {}

  private final SamTemplate template;
  private final List<FunctionSpec> functions = new ArrayList<>();
  private final List<HttpRoute> routes = new ArrayList<>();
  private final List<SqsSource> queues = new ArrayList<>();
  private final List<S3Source> buckets = new ArrayList<>();
  private final List<StreamSource> streams = new ArrayList<>();
  private final List<ScheduleSource> schedules = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  /** property name → where it appears ("Fn", "Fn event E"): one warning line per property. */
  private final Map<String, List<String>> ignored = new LinkedHashMap<>();
  private final Map<String, String> parameterValues;
  private final Map<String, String> defaultAuthorizer = new LinkedHashMap<>();

  private LocalTemplate(SamTemplate template, Map<String, String> parameterValues) {
    this.template = template;
    this.parameterValues = parameterValues;
  }

  /** Reads and checks the template; {@link TemplateError} if local mode cannot run it. */
  public static LocalTemplate read(SamTemplate template, ClassLoader loader) {
    return read(template, loader, Map.of());
  }

  /** As {@link #read(SamTemplate, ClassLoader)}, resolving {@code !Ref} of parameters with these values (else their Default). */
  public static LocalTemplate read(SamTemplate template, ClassLoader loader, Map<String, String> parameterValues) {
    LocalTemplate t = new LocalTemplate(template, parameterValues);
    t.readApis();
    List<SamFunction> functions = template.functions();
    if (functions.isEmpty()) {
      throw new TemplateError("the template declares no AWS::Serverless::Function");
    }
    for (SamFunction f : functions) {
      t.readFunction(f, loader);
    }
    t.readMonitoring();
    return t;
  }

  public SamTemplate template() {
    return template;
  }

  public List<FunctionSpec> functions() {
    return List.copyOf(functions);
  }

  public List<HttpRoute> routes() {
    return List.copyOf(routes);
  }

  public List<SqsSource> queues() {
    return List.copyOf(queues);
  }

  public List<StreamSource> streams() {
    return List.copyOf(streams);
  }

  public List<S3Source> buckets() {
    return List.copyOf(buckets);
  }

  public List<ScheduleSource> schedules() {
    return List.copyOf(schedules);
  }

  /** A DynamoDB/SQS event's FilterCriteria; an operator local mode does not know stops it with a clear error. */
  private static EventFilter filter(Object criteria, String where) {
    try {
      return EventFilter.of(criteria);
    } catch (IllegalArgumentException e) {
      throw new TemplateError(where + ": FilterCriteria: " + e.getMessage());
    }
  }

  /** Alarms and dashboards are not created locally (no CloudWatch): one notice line for all of them. */
  private void readMonitoring() {
    List<String> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
    List<String> dashboards = template.resourcesOfType("AWS::CloudWatch::Dashboard");
    if (!alarms.isEmpty() || !dashboards.isEmpty()) {
      warnings.add("CloudWatch is not emulated: " + alarms.size() + " alarm(s) and the dashboard(s) "
          + dashboards + " are not created by local mode; the metrics the functions write are printed per"
          + " invocation (metrics: ...) and totalled at GET /_local/metrics");
    }
  }

  /** One line per ignored property (naming where it appears), then the other warnings. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    ignored.forEach((property, places) -> out.add("property " + property + " is ignored by local mode (in "
        + String.join(", ", places) + ")"));
    out.addAll(warnings);
    return out;
  }

  private void ignore(String where, String property) {
    ignored.computeIfAbsent(property, k -> new ArrayList<>()).add(where);
  }

  /**
   * A scalar property's value with {@code !Ref}/{@code !Sub} of parameters and pseudo parameters
   * resolved (schedules may take their time zone from a parameter).
   */
  private Object scalar(Object value, String where) {
    if (!(value instanceof Map<?, ?>)) {
      return value;
    }
    try {
      return dev.storeops.stack.template.Intrinsics.resolve(value, new dev.storeops.stack.template.Intrinsics.Names() {
        @Override
        public String ref(String name) {
          if (name.equals("AWS::Region")) {
            return "us-east-1";
          }
          if (name.equals("AWS::AccountId")) {
            return "000000000000";
          }
          if (parameterValues.containsKey(name)) {
            return parameterValues.get(name);
          }
          Map<String, Object> spec = template.parameters().get(name);
          if (spec == null || spec.get("Default") == null) {
            throw new TemplateError(where + ": !Ref " + name + " is not a parameter with a value");
          }
          return String.valueOf(spec.get("Default"));
        }

        @Override
        public String getAtt(String id, String attribute) {
          throw new TemplateError(where + ": !GetAtt " + id + "." + attribute + " cannot be used here locally");
        }
      });
    } catch (IllegalArgumentException e) {
      throw new TemplateError(where + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private void readApis() {
    for (String api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
      Map<String, Object> props = template.properties(api);
      if (props.get("Auth") instanceof Map<?, ?> auth) {
        if (auth.get("Authorizers") instanceof Map<?, ?> authorizers) {
          ((Map<String, Object>) authorizers).forEach((name, spec) -> {
            if (!(spec instanceof Map<?, ?> s) || !s.containsKey("JwtConfiguration")) {
              throw new TemplateError(api + ": authorizer " + name
                  + " is not a JWT authorizer; local mode runs JWT authorizers only");
            }
          });
        }
        if (auth.get("DefaultAuthorizer") instanceof String d) {
          defaultAuthorizer.put(api, d);
        }
      }
      if (props.containsKey("DefaultRouteSettings") || props.containsKey("RouteSettings")) {
        warnings.add(api + ": route throttling (DefaultRouteSettings, RouteSettings) is not enforced by local mode;"
            + " deployed, API Gateway answers 429 over the limits (docs/operations.md)");
      }
      for (String key : props.keySet()) {
        if (!Set.of("StageName", "Auth", "CorsConfiguration", "Description", "Tags", "DefaultRouteSettings",
            "RouteSettings").contains(key)) {
          ignore(api, key);
        }
      }
    }
  }

  private void readFunction(SamFunction f, ClassLoader loader) {
    String id = f.logicalId();
    String handler = f.handler();
    if (handler == null || handler.isBlank()) {
      throw new TemplateError(id + ": no Handler");
    }
    if (f.properties().get("PackageType") instanceof String p && p.equals("Image")) {
      throw new TemplateError(id + ": PackageType Image is not supported by local mode (Java handlers only)");
    }
    if (f.runtime() instanceof String runtime && !runtime.startsWith("java")) {
      throw new TemplateError(id + ": runtime " + runtime + " is not supported by local mode (Java runtimes only)");
    }
    Class<?> type;
    try {
      type = Class.forName(f.handlerClass(), false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new TemplateError(id + ": handler class " + f.handlerClass() + " is not on local mode's classpath"
          + " (is its module a dependency of local/pom.xml?)");
    }
    String methodName = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
    Method method = Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(methodName) && LocalFunction.isEntryPoint(m))
        .min((a, b) -> Boolean.compare(a.getParameterTypes()[0] == Object.class, b.getParameterTypes()[0] == Object.class))
        .orElseThrow(() -> new TemplateError(id + ": " + type.getName() + " has no public handler method "
            + methodName + "(event, Context) or " + methodName + "(InputStream, OutputStream, Context)"));
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor(Env.class);
    } catch (NoSuchMethodException e) {
      throw new TemplateError(id + ": " + type.getName() + " needs a public constructor taking "
          + Env.class.getName() + " (local mode hands it the function's environment from the template)");
    }
    functions.add(new FunctionSpec(id, type, method, constructor, intOr(f.properties().get("Timeout"), 3),
        intOr(f.properties().get("MemorySize"), 128)));
    for (String key : f.properties().keySet()) {
      if (!SILENT_FUNCTION_PROPERTIES.contains(key)) {
        ignore(id, key);
      }
    }
    Object reserved = f.properties().get("ReservedConcurrentExecutions");
    reservedConcurrency = reserved == null ? Integer.MAX_VALUE : Math.max(1, intOr(scalar(reserved, id), Integer.MAX_VALUE));
    f.events().forEach((name, event) -> readEvent(id, name, event));
  }

  /** The function being read: its ReservedConcurrentExecutions (MAX_VALUE: none). */
  private int reservedConcurrency = Integer.MAX_VALUE;

  @SuppressWarnings("unchecked")
  private void readEvent(String fn, String name, Map<String, Object> event) {
    String type = String.valueOf(event.get("Type"));
    Set<String> known = EVENT_PROPERTIES.get(type);
    String where = fn + " event " + name;
    if (known == null) {
      throw new TemplateError(where + ": event type " + type + " is not supported by local mode (supported: "
          + String.join(", ", EVENT_PROPERTIES.keySet().stream().sorted().toList()) + ")");
    }
    Map<String, Object> p = new LinkedHashMap<>(SamFunction.eventProperties(event));
    for (String key : List.of("BatchSize", "Enabled", "State", "StartingPosition", "MaximumRetryAttempts", "Schedule",
        "ScheduleExpression", "ScheduleExpressionTimezone", "Input", "Method", "Path")) {
      if (p.containsKey(key)) {
        p.put(key, scalar(p.get(key), fn + " event " + name));
      }
    }
    for (String key : p.keySet()) {
      if (!known.contains(key)) {
        ignore(where, key);
      }
    }
    switch (type) {
      case "HttpApi" -> {
        Object version = p.get("PayloadFormatVersion");
        if (version != null && !"2.0".equals(String.valueOf(version))) {
          throw new TemplateError(where + ": PayloadFormatVersion " + version + " is not supported (2.0 only)");
        }
        String method = p.get("Method") == null ? "ANY" : String.valueOf(p.get("Method"));
        String path = p.get("Path") == null ? "$default" : String.valueOf(p.get("Path"));
        String authorizer = null;
        if (p.get("Auth") instanceof Map<?, ?> auth && auth.get("Authorizer") != null) {
          authorizer = String.valueOf(auth.get("Authorizer"));
        } else if (p.get("ApiId") instanceof Map<?, ?> api && api.get("Ref") instanceof String apiId) {
          authorizer = defaultAuthorizer.get(apiId);
        } else if (defaultAuthorizer.size() == 1) {
          authorizer = defaultAuthorizer.values().iterator().next();
        }
        boolean authorized = authorizer != null && !authorizer.equals("NONE");
        String api = p.get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String apiId ? apiId : IMPLICIT_API;
        routes.add(new HttpRoute(fn, name, method.equals("*") ? "ANY" : method.toUpperCase(java.util.Locale.ROOT),
            path, authorized, api));
      }
      case "SQS" -> {
        String queue = logicalIdOf(p.get("Queue"), "AWS::SQS::Queue");
        if (queue == null) {
          throw new TemplateError(where + ": Queue must be !GetAtt <Queue>.Arn of an AWS::SQS::Queue in the template");
        }
        List<Object> responseTypes = p.get("FunctionResponseTypes") instanceof List<?> l ? (List<Object>) l : List.of();
        int maximum = p.get("ScalingConfig") instanceof Map<?, ?> sc && sc.get("MaximumConcurrency") != null
            ? intOr(scalar(sc.get("MaximumConcurrency"), where), DEFAULT_CONCURRENCY) : DEFAULT_CONCURRENCY;
        queues.add(new SqsSource(fn, name, queue, intOr(p.get("BatchSize"), 10),
            responseTypes.contains("ReportBatchItemFailures"), enabled(p),
            Math.max(1, Math.min(maximum, reservedConcurrency))));
      }
      case "DynamoDB" -> {
        String table = logicalIdOf(p.get("Stream"), "AWS::DynamoDB::Table");
        if (table == null) {
          throw new TemplateError(where + ": Stream must be !GetAtt <Table>.StreamArn of an AWS::DynamoDB::Table in the template");
        }
        if (!(template.properties(table).get("StreamSpecification") instanceof Map<?, ?>)) {
          throw new TemplateError(where + ": table " + table + " has no StreamSpecification");
        }
        String position = String.valueOf(p.getOrDefault("StartingPosition", "LATEST"));
        if (!position.equals("LATEST") && !position.equals("TRIM_HORIZON")) {
          throw new TemplateError(where + ": StartingPosition " + position + " is not supported (LATEST or TRIM_HORIZON)");
        }
        String onFailure = null;
        if (p.get("DestinationConfig") instanceof Map<?, ?> dc && dc.get("OnFailure") instanceof Map<?, ?> of) {
          onFailure = logicalIdOf(of.get("Destination"), "AWS::SQS::Queue");
          if (onFailure == null) {
            warnings.add(where + ": OnFailure destination is not a queue of the template; ignored by local mode");
          }
        }
        List<Object> responseTypes = p.get("FunctionResponseTypes") instanceof List<?> l ? (List<Object>) l : List.of();
        streams.add(new StreamSource(fn, name, table, position, intOr(p.get("BatchSize"), 100),
            responseTypes.contains("ReportBatchItemFailures"), enabled(p),
            intOr(p.get("MaximumRetryAttempts"), -1), onFailure, filter(p.get("FilterCriteria"), where),
            Math.max(1, Math.min(10, p.get("ParallelizationFactor") == null ? 1
                : intOr(scalar(p.get("ParallelizationFactor"), where), 1))),
            Math.max(1, Math.min(DEFAULT_CONCURRENCY, reservedConcurrency))));
      }
      case "S3" -> {
        String bucket = logicalIdOf(p.get("Bucket"), "AWS::S3::Bucket");
        if (bucket == null) {
          throw new TemplateError(where + ": Bucket must be !Ref of an AWS::S3::Bucket in the template");
        }
        List<String> events = new ArrayList<>();
        if (p.get("Events") instanceof List<?> l) {
          l.forEach(e -> events.add(String.valueOf(e)));
        } else if (p.get("Events") != null) {
          events.add(String.valueOf(p.get("Events")));
        }
        for (String e : events) {
          if (!e.startsWith("s3:ObjectCreated:")) {
            warnings.add(where + ": S3 event " + e + " is never raised by local mode (ObjectCreated only)");
          }
        }
        String prefix = "";
        String suffix = "";
        if (p.get("Filter") instanceof Map<?, ?> filter && filter.get("S3Key") instanceof Map<?, ?> s3Key
            && s3Key.get("Rules") instanceof List<?> rules) {
          for (Object r : rules) {
            Map<String, Object> rule = (Map<String, Object>) r;
            String ruleName = String.valueOf(rule.get("Name")).toLowerCase(java.util.Locale.ROOT);
            if (ruleName.equals("prefix")) {
              prefix = String.valueOf(rule.get("Value"));
            } else if (ruleName.equals("suffix")) {
              suffix = String.valueOf(rule.get("Value"));
            }
          }
        }
        buckets.add(new S3Source(fn, name, bucket, events, prefix, suffix));
      }
      case "Schedule", "ScheduleV2" -> {
        boolean v2 = type.equals("ScheduleV2");
        Object expression = p.get(v2 ? "ScheduleExpression" : "Schedule");
        if (!(expression instanceof String expr)) {
          throw new TemplateError(where + ": " + (v2 ? "ScheduleExpression" : "Schedule") + " must be a string");
        }
        String zone = p.get("ScheduleExpressionTimezone") instanceof String z ? z : "UTC";
        try {
          dev.storeops.platform.schedule.ScheduleExpression.parse(expr, java.time.ZoneId.of(zone), java.time.Instant.EPOCH);
        } catch (RuntimeException e) {
          throw new TemplateError(where + ": " + e.getMessage());
        }
        boolean enabled = enabled(p) && !"DISABLED".equals(p.get("State"));
        schedules.add(new ScheduleSource(fn, name, expr, zone,
            p.get("Input") == null ? null : String.valueOf(p.get("Input")), enabled, v2));
      }
      default -> throw new TemplateError(where + ": event type " + type + " is not supported by local mode");
    }
  }

  /** The logical ID an intrinsic ({@code !Ref X}, {@code !GetAtt X.Arn}) points at, if it is of {@code type}. */
  private String logicalIdOf(Object value, String type) {
    String id = null;
    if (value instanceof Map<?, ?> m) {
      if (m.get("Ref") instanceof String ref) {
        id = ref;
      } else if (m.get("Fn::GetAtt") instanceof List<?> l && !l.isEmpty()) {
        id = String.valueOf(l.get(0));
      } else if (m.get("Fn::GetAtt") instanceof String s) {
        id = s.split("\\.")[0];
      }
    }
    return id != null && type.equals(template.typeOf(id)) ? id : null;
  }

  private static boolean enabled(Map<String, Object> p) {
    return !"false".equalsIgnoreCase(String.valueOf(p.get("Enabled")));
  }

  private static int intOr(Object value, int otherwise) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s) {
      try {
        return Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
    return otherwise;
  }
}
