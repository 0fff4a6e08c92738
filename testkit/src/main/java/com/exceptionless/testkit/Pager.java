package com.exceptionless.testkit;

import java.util.Collections;
import java.util.List;

/**
 * Page/limit paging as the server does it (default limit 10, skip capped at 1000) and the X-Result-Count and
 * Link (previous/next, one header value each) headers; immutable.
 */
final class Pager {
  static final int DEFAULT_LIMIT = 10;
  static final int MAXIMUM_SKIP = 1000;

  final int page;
  final int limit;
  private boolean skipCutoff;

  private Pager(int page, int limit) {
    this.page = page;
    this.limit = limit;
  }

  /** Reads {@code page} (default 1, below 1 means 1) and {@code limit} (default 10, below 1 means 10, at most max). */
  static Pager from(ApiRequest request, int maximumLimit) {
    int page = intParameter(request, "page", 1);
    int limit = intParameter(request, "limit", DEFAULT_LIMIT);
    return new Pager(Math.max(page, 1), limit < 1 ? DEFAULT_LIMIT : Math.min(limit, maximumLimit));
  }

  long skip() {
    return (long) (page - 1) * limit;
  }

  /**
   * Returns a pager that, like the server's event and stack lists, answers an empty page without links or count
   * once the skip exceeds 1000 (project and token lists have no such cutoff).
   */
  Pager withSkipCutoff() {
    Pager pager = new Pager(page, limit);
    pager.skipCutoff = true;
    return pager;
  }

  private boolean beyondCutoff() {
    return skipCutoff && skip() > MAXIMUM_SKIP;
  }

  /** Returns this page of the items; empty past the skip cutoff. */
  <T> List<T> slice(List<T> items) {
    long skip = skip();
    if (beyondCutoff() || skip >= items.size()) {
      return Collections.emptyList();
    }
    return items.subList((int) skip, (int) Math.min(items.size(), skip + limit));
  }

  /** Writes the page as a JSON array with X-Result-Count and the previous/next Link values. */
  ApiResponse respond(ApiRequest request, List<?> pageItems, int total) {
    return respond(request, pageItems, total, true);
  }

  /** Writes the page with the previous/next Link values, and X-Result-Count when writeTotal is set. */
  ApiResponse respond(ApiRequest request, List<?> pageItems, int total, boolean writeTotal) {
    if (beyondCutoff()) {
      return ApiResponse.json(200, Collections.emptyList());
    }
    boolean hasMore = skip() + pageItems.size() < total && (long) (page + 1) * limit < MAXIMUM_SKIP;
    ApiResponse response = ApiResponse.json(200, pageItems);
    if (writeTotal) {
      response.header("X-Result-Count", Integer.toString(total));
    }
    String base = request.baseUrl + request.path + "?";
    if (page > 1) {
      response.header("Link", "<" + base + request.query.with("page", Integer.toString(page - 1))
          + ">; rel=\"previous\"");
    }
    if (hasMore) {
      response.header("Link", "<" + base + request.query.with("page", Integer.toString(page + 1))
          + ">; rel=\"next\"");
    }
    return response;
  }

  /** Reads an optional integer query parameter; answers 400 when it is not a number. */
  static int intParameter(ApiRequest request, String name, int defaultValue) {
    String value = request.query.first(name);
    if (value == null || value.trim().isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ApiProblemException(Problems.badBody(request,
          "The value '" + value + "' is not valid for " + name + "."));
    }
  }
}
