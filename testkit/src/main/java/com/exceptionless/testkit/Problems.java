package com.exceptionless.testkit;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds RFC 7807 problem responses with ASP.NET's default types and titles per status; stateless. */
final class Problems {
  static final String VALIDATION_TITLE = "One or more validation errors occurred.";
  private static final String RFC = "https://tools.ietf.org/html/rfc9110#section-";
  private static final Map<Integer, String[]> DEFAULTS = new HashMap<Integer, String[]>();

  static {
    DEFAULTS.put(400, new String[] {RFC + "15.5.1", "Bad Request"});
    DEFAULTS.put(401, new String[] {RFC + "15.5.2", "Unauthorized"});
    DEFAULTS.put(403, new String[] {RFC + "15.5.4", "Forbidden"});
    DEFAULTS.put(404, new String[] {RFC + "15.5.5", "Not Found"});
    DEFAULTS.put(405, new String[] {RFC + "15.5.6", "Method Not Allowed"});
    DEFAULTS.put(409, new String[] {RFC + "15.5.10", "Conflict"});
    DEFAULTS.put(415, new String[] {RFC + "15.5.16", "Unsupported Media Type"});
    DEFAULTS.put(422, new String[] {RFC + "15.5.21", "Unprocessable Entity"});
    DEFAULTS.put(426, new String[] {RFC + "15.5.22", "Upgrade Required"});
    DEFAULTS.put(500, new String[] {RFC + "15.6.1", "An error occurred while processing your request."});
    DEFAULTS.put(503, new String[] {RFC + "15.6.4", "Service Unavailable"});
  }

  private Problems() {
  }

  /** A problem with the status's default type and title (both absent for 402, 411, 413 and 429). */
  static ApiResponse status(ApiRequest request, int status) {
    return ApiResponse.problem(status, body(request, status, null, null));
  }

  /** A problem whose title is the handler's message, e.g. "Project not found.". */
  static ApiResponse titled(ApiRequest request, int status, String title) {
    return ApiResponse.problem(status, body(request, status, title, null));
  }

  static ApiResponse projectNotFound(ApiRequest request) {
    return titled(request, 404, "Project not found.");
  }

  /** A 401 with the Bearer challenge the server sends for /api/v2 paths. */
  static ApiResponse unauthorizedChallenge(ApiRequest request) {
    return status(request, 401).header("WWW-Authenticate",
        "Bearer resource_metadata=\"" + request.baseUrl + "/.well-known/oauth-protected-resource/api/v2\"");
  }

  /** A 422 validation problem with one message for one snake_case key. */
  static ApiResponse invalid(ApiRequest request, String key, String message) {
    Map<String, List<String>> errors = new LinkedHashMap<String, List<String>>();
    errors.put(key, Collections.singletonList(message));
    return validation(request, 422, errors);
  }

  /** A validation problem (HttpValidationProblemDetails) with an errors map keyed by snake_case names. */
  static ApiResponse validation(ApiRequest request, int status, Map<String, List<String>> errors) {
    return ApiResponse.problem(status, body(request, status, VALIDATION_TITLE, errors));
  }

  /** A 400 about an unreadable body, reported under the empty key like ASP.NET's binding failures. */
  static ApiResponse badBody(ApiRequest request, String message) {
    Map<String, List<String>> errors = new LinkedHashMap<String, List<String>>();
    errors.put("", Arrays.asList(message));
    return validation(request, 400, errors);
  }

  private static Map<String, Object> body(ApiRequest request, int status, String title,
      Map<String, List<String>> errors) {
    String[] defaults = DEFAULTS.get(status);
    Map<String, Object> problem = new LinkedHashMap<String, Object>();
    problem.put("type", defaults == null ? null : defaults[0]);
    problem.put("title", title != null ? title : defaults == null ? null : defaults[1]);
    problem.put("status", status);
    problem.put("instance", request.instance());
    problem.put("errors", errors);
    return problem;
  }
}
