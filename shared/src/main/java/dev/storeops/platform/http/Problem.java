package dev.storeops.platform.http;

import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}). {@code errors} lists the offending
 * fields, so a storefront can put each message next to its input.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(typeUri(slug), title, status, detail, null);
  }

  public static String typeUri(String slug) {
    return "https://storeops.dev/problems/" + slug;
  }
}
