package com.exceptionless.client.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when paging by page number reaches the server's skip limit (the first 1,000 items of a list)
 * while more items match: the SDK stops there rather than return a silently short list.
 */
public final class SkipLimitException extends ExceptionlessException {
  private static final long serialVersionUID = 1L;

  /** The most items the server skips when paging by page number. */
  public static final int MAXIMUM_SKIP = 1000;

  private final String request;

  /**
   * Creates the exception.
   *
   * @param request the list request as {@code METHOD route}, without ids or query
   * @param totalCount the total the server reported, or null
   */
  public SkipLimitException(String request, @Nullable Long totalCount) {
    super(request + ": the server pages through at most the first " + String.format("%,d", MAXIMUM_SKIP)
        + " items by page number, and more items match this query" + (totalCount != null ? " (" + totalCount + " in all)" : "")
        + ". Narrow the query (filter, time range, sort), or, for events, page with cursors: leave the page unset"
        + " and the SDK follows the server's before/after links, which have no such limit.", null);
    this.request = request;
  }

  /** Returns the list request, as {@code METHOD route}. */
  public String request() {
    return request;
  }
}
