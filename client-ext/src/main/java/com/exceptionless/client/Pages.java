package com.exceptionless.client;

import com.exceptionless.client.paging.LinkHeader;
import com.exceptionless.client.paging.Page;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import okhttp3.HttpUrl;
import retrofit2.Response;

/** Builds {@link Page}s from list answers: items, {@code X-Result-Count}, and the {@code Link rel="next"}. Stateless. */
final class Pages {
  private Pages() {
  }

  /**
   * Creates the page of a page-numbered list answer.
   *
   * @param loadPage loads a page by number; used for the page the next link names
   */
  static <T> Page<T> numbered(Response<List<T>> response, IntFunction<Page<T>> loadPage) {
    List<T> items = response.body() != null ? response.body() : Collections.<T>emptyList();
    String next = LinkHeader.parse(response.headers().values("Link")).url("next").orElse(null);
    Integer nextPage = next == null ? null : pageNumber(response.raw().request().url(), next);
    if (nextPage == null) {
      return Page.of(items, totalCount(response), null, null);
    }
    return Page.of(items, totalCount(response), next, () -> loadPage.apply(nextPage));
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

  private static Integer pageNumber(HttpUrl requestUrl, String link) {
    HttpUrl url = requestUrl.resolve(link);
    String page = url == null ? null : url.queryParameter("page");
    try {
      return page == null ? null : Integer.valueOf(page);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
