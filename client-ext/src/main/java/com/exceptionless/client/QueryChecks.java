package com.exceptionless.client;

import com.exceptionless.client.errors.SkipLimitException;

/** Checks list query values as they are set, with messages that say what to fix. Stateless. */
final class QueryChecks {
  private QueryChecks() {
  }

  static int page(int page) {
    if (page < 1) {
      throw new IllegalArgumentException("page must be 1 or more, but was " + page);
    }
    return page;
  }

  static int limit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw new IllegalArgumentException("limit must be 1 to " + max + ", but was " + limit);
    }
    return limit;
  }

  /** Refuses a page the server would answer empty: one that skips more than its 1,000-item limit. */
  static void withinSkipLimit(Integer page, Integer limit) {
    if (page == null) {
      return;
    }
    int size = limit != null ? limit : Pages.DEFAULT_LIMIT;
    if ((long) (page - 1) * size > SkipLimitException.MAXIMUM_SKIP) {
      throw new IllegalArgumentException("page " + page + " of " + size + " items lies beyond the server's skip limit"
          + " (it pages through the first " + SkipLimitException.MAXIMUM_SKIP + " items only): narrow the query"
          + " instead, or, for events, page with cursors (before/after)");
    }
  }

  /** Returns null for a null or blank value, else the trimmed value. */
  static String text(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
