package dev.storeops.platform.http;

import java.util.List;

/** Thrown by services for an expected failure that maps to a 4xx problem response. */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Problem problem;

  public ApiException(Problem problem) {
    super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ApiException badRequest(String detail, List<Problem.FieldError> errors) {
    return new ApiException(new Problem(Problem.typeUri("validation"), "Invalid request", 400, detail, errors));
  }

  public static ApiException badRequest(String field, String message) {
    return badRequest("The request has invalid fields.", List.of(new Problem.FieldError(field, message)));
  }

  public static ApiException notFound(String what) {
    return new ApiException(Problem.of(404, "not-found", "Not found", what + " was not found."));
  }

  public static ApiException conflict(String slug, String detail, List<Problem.FieldError> errors) {
    return new ApiException(new Problem(Problem.typeUri(slug), "Conflict", 409, detail, errors));
  }

  public static ApiException unprocessable(String slug, String detail) {
    return new ApiException(Problem.of(422, slug, "Unprocessable request", detail));
  }

  /** 403: the caller is authenticated but lacks a role; {@code errors} name what is missing. */
  public static ApiException forbidden(String detail, List<Problem.FieldError> errors) {
    return new ApiException(new Problem(Problem.typeUri("forbidden"), "Forbidden", 403, detail, errors));
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(Problem.of(401, "unauthorized", "Unauthorized", detail));
  }
}
