package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's answer to a bulk action on comma-separated ids: 202 {@code {"workers":[]}} when every id
 * succeeded, a 404 problem when none did, and 400 ModelActionResults (success ids, failure entries) when some
 * failed; stateless.
 */
final class BulkResults {
  /** Performs the action on one id; returns false when the id is unknown or not accessible. */
  interface Action {
    boolean apply(String id);
  }

  private BulkResults() {
  }

  /** Splits a comma-separated path parameter into distinct trimmed ids, in order. */
  static Set<String> ids(String commaSeparated) {
    Set<String> ids = new LinkedHashSet<String>();
    for (String id : commaSeparated.split(",")) {
      if (!id.trim().isEmpty()) {
        ids.add(id.trim());
      }
    }
    return ids;
  }

  static ApiResponse delete(ApiRequest request, String commaSeparatedIds, String notFoundMessage, Action action) {
    List<String> success = new ArrayList<String>();
    List<Object> failure = new ArrayList<Object>();
    for (String id : ids(commaSeparatedIds)) {
      if (action.apply(id)) {
        success.add(id);
      } else {
        Map<String, Object> denied = new LinkedHashMap<String, Object>();
        denied.put("allowed", false);
        denied.put("id", id);
        denied.put("message", notFoundMessage);
        denied.put("status_code", 404);
        failure.add(denied);
      }
    }
    if (success.isEmpty()) {
      return Problems.titled(request, 404, notFoundMessage);
    }
    Map<String, Object> result = new LinkedHashMap<String, Object>();
    result.put("workers", Collections.emptyList());
    if (failure.isEmpty()) {
      return ApiResponse.json(202, result);
    }
    result.put("success", success);
    result.put("failure", failure);
    return ApiResponse.json(400, result);
  }
}
