package com.exceptionless.client;

import com.exceptionless.client.errors.SkipLimitException;
import com.exceptionless.client.paging.Page;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import retrofit2.Response;

/**
 * Builds {@link Page}s from list answers: items, {@code X-Result-Count}, the {@code Link rel="next"} (by
 * page number or, for events, by before/after cursor), and the stop at the server's 1,000-item skip
 * limit. Stateless.
 */
final class Pages {
  /** The server's page size when the request names none. */
  static final int DEFAULT_LIMIT = 10;

  private Pages() {
  }

  /**
   * Creates the page of a page-numbered list answer (a missing {@code page} means page 1).
   *
   * @param loadPage loads a page by number; used for the page the next link names, and once to find out
   *     whether more items lie beyond the skip limit when the server sent no total
   */
  static <T> Page<T> numbered(Response<List<T>> response, IntFunction<Page<T>> loadPage) {
    return of(response, position -> loadPage.apply(position.page()), false);
  }

  /**
   * Creates the page of an event list answer: by page number when the request named a page, else by the
   * {@code before}/{@code after} cursors of the next link, which have no skip limit.
   */
  static <T> Page<T> cursorOrNumbered(Response<List<T>> response, Function<PagePosition, Page<T>> load) {
    return of(response, load, true);
  }

  private static <T> Page<T> of(Response<List<T>> response, Function<PagePosition, Page<T>> load, boolean cursors) {
    List<T> items = response.body() != null ? response.body() : Collections.<T>emptyList();
    Long total = totalCount(response);
    HttpUrl requestUrl = response.raw().request().url();
    String next = LinkHeader.parse(response.headers().values("Link")).url("next").orElse(null);
    PagePosition nextPosition = next == null ? null : PagePosition.fromLink(requestUrl, next, cursors);
    if (nextPosition != null) {
      return ListPage.withNext(items, total, next, () -> load.apply(nextPosition));
    }
    boolean numbered = !cursors || requestUrl.queryParameter("page") != null;
    if (numbered) {
      int page = intParameter(requestUrl, "page", 1);
      int limit = intParameter(requestUrl, "limit", DEFAULT_LIMIT);
      boolean atSkipLimit = (long) (page + 1) * limit >= SkipLimitException.MAXIMUM_SKIP;
      if (atSkipLimit && items.size() >= limit) {
        long reached = (long) (page - 1) * limit + items.size();
        BooleanSupplier more = total != null
            ? () -> total > reached
            : () -> !load.apply(PagePosition.page(page + 1)).items().isEmpty();
        return ListPage.atSkipLimit(items, total, more, Routes.describe(response.raw().request()));
      }
    }
    return ListPage.last(items, total);
  }

  static Long totalCount(Response<?> response) {
    String count = response.headers().get("X-Result-Count");
    if (count == null) {
      return null;
    }
    try {
      return Long.parseLong(count.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int intParameter(HttpUrl url, String name, int fallback) {
    String value = url.queryParameter(name);
    try {
      return value == null ? fallback : Math.max(1, Integer.parseInt(value));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
