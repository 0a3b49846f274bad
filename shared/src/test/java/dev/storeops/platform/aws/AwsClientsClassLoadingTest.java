package dev.storeops.platform.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A function jar carries only the service clients it uses (order-api: DynamoDB and SQS, no SES, no S3).
 * Building {@link AwsClients} and its DynamoDB client must then not touch the SES or S3 classes: here
 * storeops' classes are loaded by a class loader that has no SES or S3 client, as in such a jar.
 */
class AwsClientsClassLoadingTest {

  @Test
  void buildsTheDynamoDbClientWithoutTheSesAndS3ClassesPresent() throws Exception {
    ClassLoader jar = new WithoutServices(getClass().getClassLoader(), "software.amazon.awssdk.services.sesv2.",
        "software.amazon.awssdk.services.s3.");
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("software.amazon.awssdk.services.sesv2.SesV2Client", false, jar));

    // the probe runs inside that loader: reflection on AwsClients itself would resolve every getter's type
    Class<?> probe = Class.forName(Probe.class.getName(), true, jar);
    Map<String, String> env = Map.of("AWS_REGION", "eu-central-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1");
    try {
      assertEquals("dynamodb", probe.getMethod("dynamoDbServiceName", Map.class).invoke(null, env));
    } catch (InvocationTargetException e) {
      throw new AssertionError("AwsClients needs a service client the jar does not carry", e.getCause());
    }
    // the SES client itself is still refused: this loader really has no SES
    InvocationTargetException ses = assertThrows(InvocationTargetException.class,
        () -> probe.getMethod("buildSes", Map.class).invoke(null, env));
    assertEquals(NoClassDefFoundError.class, ses.getCause().getClass());
  }

  /** Loaded by the jar-like class loader; its signatures name no service type. */
  public static final class Probe {
    private Probe() {}

    public static String dynamoDbServiceName(Map<String, String> env) {
      return new AwsClients(dev.storeops.platform.config.Env.of(env)).dynamoDb().serviceName();
    }

    public static void buildSes(Map<String, String> env) {
      new AwsClients(dev.storeops.platform.config.Env.of(env)).ses();
    }
  }

  /** storeops' classes defined here (child-first); the listed packages absent; the rest from the parent. */
  private static final class WithoutServices extends ClassLoader {
    private final String[] absent;

    WithoutServices(ClassLoader parent, String... absent) {
      super(parent);
      this.absent = absent;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        for (String prefix : absent) {
          if (name.startsWith(prefix)) {
            throw new ClassNotFoundException(name);
          }
        }
        if (!name.startsWith("dev.storeops.")) {
          return super.loadClass(name, resolve);
        }
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            c = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
