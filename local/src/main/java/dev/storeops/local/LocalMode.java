package dev.storeops.local;

import dev.storeops.stack.RepoRoot;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local}: the whole back office on this machine from template.yaml, no Docker, no AWS
 * account. {@code ./run-local token <staff-id> [--role owner|manager|warehouse|marketing ...]} prints a
 * staff JWT for a staff member in those roles (without {@code --role}: the demo staff member's roles).
 */
public final class LocalMode {
  static final String USAGE = """
      usage: ./run-local [options]          start local mode (Ctrl-C stops)
             ./run-local token [staff-id] [--role ROLE ...] [--hours N]
                                            print a staff JWT signed with the local key; ROLE is owner,
                                            manager, warehouse or marketing (repeat --role or use commas);
                                            without --role the demo staff member's roles (mgr-olga: manager,
                                            owner-elena: owner, wh-sergey: warehouse, mkt-daria: marketing)

      options (each port also from the environment variable in brackets):
        --port N            HTTP API port                 [PORT, default 3000]
        --dynamodb-port N   DynamoDB Local                [DYNAMODB_PORT, default 8000]
        --sqs-port N        ElasticMQ (SQS)               [SQS_PORT, default 9324]
        --s3-port N         S3Proxy (S3)                  [S3_PORT, default 9000]
        --ses-port N        aws-ses-v2-local (SES v2)     [SES_PORT, default 8005]
        --data DIR          keep tables and bucket objects in DIR between runs (default: in memory)
        --empty             no demo data
        --clock-speed X     run schedules X times faster than real time (demos; default 1)
        --template FILE     another SAM template (default: template.yaml of this checkout)
        --local-dir DIR     where secrets.json and endpoints.json go (default: .local)
      """;

  /** DynamoDB Local's SQLite layer logs every open and close through java.util.logging: warnings only. */
  private static final java.util.logging.Logger SQLITE = java.util.logging.Logger.getLogger("com.almworks.sqlite4java");

  private LocalMode() {}

  public static void main(String[] args) {
    SQLITE.setLevel(java.util.logging.Level.WARNING);
    int code = run(args, System.out, System.err, System.getenv());
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs local mode; returns the exit code (blocks until Ctrl-C when it started). */
  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    long started = ManagementFactory.getRuntimeMXBean().getStartTime();
    LocalConfig config;
    try {
      Path root = RepoRoot.find();
      config = LocalConfig.defaults(root).withPorts(
          port(env, "PORT", LocalConfig.API_PORT), port(env, "DYNAMODB_PORT", LocalConfig.DYNAMODB_PORT),
          port(env, "SQS_PORT", LocalConfig.SQS_PORT), port(env, "S3_PORT", LocalConfig.S3_PORT),
          port(env, "SES_PORT", LocalConfig.SES_PORT));
      if (args.length > 0 && args[0].equals("token")) {
        return token(args, config, out, err);
      }
      config = parse(args, config);
    } catch (IllegalArgumentException e) {
      err.println("storeops local: " + e.getMessage());
      err.print(USAGE);
      return 64;
    }
    if (config == null) {
      out.print(USAGE);
      return 0;
    }
    LocalRuntime runtime;
    try {
      runtime = LocalRuntime.start(config);
    } catch (LocalTemplate.TemplateError e) {
      err.println("storeops local: cannot run " + config.template() + ": " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("storeops local: start-up failed: " + e.getMessage()
          + (e.getCause() != null && e.getCause().getMessage() != null ? " (" + e.getCause().getMessage() + ")" : ""));
      return 1;
    }
    for (String w : runtime.warnings()) {
      err.println("warning: " + w);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runtime.close();
      out.println("storeops local: stopped");
      out.flush();
      stopped.countDown();
    }, "local-mode-stop"));
    runtime.printBanner(out, (System.currentTimeMillis() - started) / 1000.0);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static int token(String[] args, LocalConfig config, PrintStream out, PrintStream err) {
    String staffId = "mgr-olga";
    long hours = LocalRuntime.STAFF_TOKEN_VALIDITY.toHours();
    Path localDir = config.localDir();
    java.util.Set<String> roles = new java.util.LinkedHashSet<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--hours" -> hours = Long.parseLong(value(args, ++i, "--hours"));
        case "--role" -> {
          for (String role : value(args, ++i, "--role").split(",")) {
            String r = role.strip().toLowerCase(java.util.Locale.ROOT);
            if (dev.storeops.staff.StaffRole.of(List.of(r)).isEmpty()) {
              throw new IllegalArgumentException("unknown role '" + role.strip()
                  + "' (roles: owner, manager, warehouse, marketing)");
            }
            roles.add(r);
          }
        }
        case "--local-dir" -> localDir = Path.of(value(args, ++i, "--local-dir")).toAbsolutePath();
        default -> {
          if (args[i].startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + args[i]);
          }
          staffId = args[i];
        }
      }
    }
    if (roles.isEmpty()) {
      String id = staffId;
      roles.addAll(DemoData.staff().stream().filter(m -> m.id().equals(id)).findFirst()
          .map(DemoData.StaffMember::roles).orElseThrow(() -> new IllegalArgumentException("'" + id
              + "' is not a demo staff member: give its roles, e.g. ./run-local token " + id + " --role manager")));
    }
    LocalSecrets secrets = LocalSecrets.loadOrCreate(localDir);
    out.println(new StaffTokens(secrets.jwtKey(), Clock.systemUTC()).mint(staffId, List.copyOf(roles),
        Duration.ofHours(hours)));
    return 0;
  }

  /** The options; {@code null} for --help. */
  static LocalConfig parse(String[] args, LocalConfig defaults) {
    LocalConfig c = defaults;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return null;
        }
        case "--empty" -> c = c.withEmpty(true);
        case "--data" -> c = c.withDataDir(Path.of(value(args, ++i, a)).toAbsolutePath());
        case "--template" -> c = c.withTemplate(Path.of(value(args, ++i, a)).toAbsolutePath());
        case "--local-dir" -> c = c.withLocalDir(Path.of(value(args, ++i, a)).toAbsolutePath());
        case "--clock-speed" -> {
          double speed;
          try {
            speed = Double.parseDouble(value(args, ++i, a));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--clock-speed needs a number");
          }
          if (speed < 1) {
            throw new IllegalArgumentException("--clock-speed must be at least 1");
          }
          c = c.withClockSpeed(speed);
        }
        case "--port" -> c = c.withPorts(number(value(args, ++i, a), a), c.dynamoDbPort(), c.sqsPort(), c.s3Port(), c.sesPort());
        case "--dynamodb-port" -> c = c.withPorts(c.apiPort(), number(value(args, ++i, a), a), c.sqsPort(), c.s3Port(), c.sesPort());
        case "--sqs-port" -> c = c.withPorts(c.apiPort(), c.dynamoDbPort(), number(value(args, ++i, a), a), c.s3Port(), c.sesPort());
        case "--s3-port" -> c = c.withPorts(c.apiPort(), c.dynamoDbPort(), c.sqsPort(), number(value(args, ++i, a), a), c.sesPort());
        case "--ses-port" -> c = c.withPorts(c.apiPort(), c.dynamoDbPort(), c.sqsPort(), c.s3Port(), number(value(args, ++i, a), a));
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return c;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(Map<String, String> env, String name, int otherwise) {
    String v = env.get(name);
    return v == null || v.isBlank() ? otherwise : number(v, name);
  }

  private static int number(String v, String what) {
    try {
      int port = Integer.parseInt(v.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a port number (0-65535), not '" + v + "'");
    }
  }
}
