package dev.storeops.platform.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a function reads its configuration. In Lambda it is the process environment; local mode and
 * tests hand the function the variables template.yaml gives it. Functions read their variables through
 * this, in their Wiring or in a shared settings factory ({@code static X from(Env env)}, e.g. {@link
 * ShopSettings#from}) that the Wiring calls; the template check finds every name a function reaches.
 * Elsewhere the shared module reads only {@code AWS_*} names.
 */
public final class Env {
  private final Function<String, String> lookup;

  private Env(Function<String, String> lookup) {
    this.lookup = lookup;
  }

  public static Env system() {
    return new Env(System::getenv);
  }

  public static Env of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new Env(copy::get);
  }

  /** A variable that must be set; a missing one fails the cold start with a clear message. */
  public String required(String name) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  public String optional(String name, String defaultValue) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? defaultValue : value;
  }

  public int optionalInt(String name, int defaultValue) {
    String value = optional(name, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("environment variable " + name + " is not a number: " + value, e);
    }
  }

  /** For the AWS client factory: {@code AWS_*} settings only, absent is {@code null}. */
  public String aws(String name) {
    if (!name.startsWith("AWS_")) {
      throw new IllegalArgumentException("not an AWS_ variable: " + name);
    }
    return lookup.apply(Objects.requireNonNull(name));
  }
}
