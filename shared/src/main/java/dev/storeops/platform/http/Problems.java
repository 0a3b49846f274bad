package dev.storeops.platform.http;

import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.errors.Conflict;
import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.errors.Forbidden;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.NotFound;
import dev.storeops.platform.errors.Unprocessable;
import java.util.List;

/** The one place where a domain error becomes an HTTP problem (RFC 9457). */
public final class Problems {
  private Problems() {}

  public static Problem of(DomainException e) {
    List<Problem.FieldError> fields = e.errors().stream()
        .map(f -> new Problem.FieldError(f.field(), f.message())).toList();
    return switch (e) {
      case Invalid i -> new Problem(Problem.typeUri("validation"), "Invalid request", 400, i.detail(), fields);
      case NotFound n -> new Problem(Problem.typeUri("not-found"), "Not found", 404, n.detail(), fields);
      case Conflict c -> new Problem(Problem.typeUri(c.code()), "Conflict", 409, c.detail(), fields);
      case Unprocessable u -> new Problem(Problem.typeUri(u.code()), "Unprocessable request", 422, u.detail(), fields);
      case Busy b -> new Problem(Problem.typeUri(b.code()), "Try again", 503, b.detail(), fields);
      case Forbidden f -> new Problem(Problem.typeUri(f.code()), "Forbidden", 403, f.detail(), fields);
    };
  }
}
