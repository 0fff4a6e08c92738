package com.exceptionless.client;

import okhttp3.HttpUrl;

/** Where a list page starts: a page number, or an event cursor ({@code before} or {@code after} token). Immutable. */
final class PagePosition {
  private final Integer page;
  private final String before;
  private final String after;

  private PagePosition(Integer page, String before, String after) {
    this.page = page;
    this.before = before;
    this.after = after;
  }

  static PagePosition page(int page) {
    return new PagePosition(page, null, null);
  }

  /**
   * Reads the position a {@code next} link names, or null when it names none the SDK can follow.
   *
   * @param cursors whether the list pages by cursor when the link has no page number (events)
   */
  static PagePosition fromLink(HttpUrl requestUrl, String link, boolean cursors) {
    HttpUrl url = requestUrl.resolve(link);
    if (url == null) {
      return null;
    }
    String page = url.queryParameter("page");
    if (page != null) {
      try {
        return page(Integer.parseInt(page));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (!cursors) {
      return null;
    }
    String after = url.queryParameter("after");
    String before = url.queryParameter("before");
    if (after != null && !after.isEmpty()) {
      return new PagePosition(null, null, after);
    }
    return before != null && !before.isEmpty() ? new PagePosition(null, before, null) : null;
  }

  /** Returns the page number, or 0 for a cursor position. */
  int page() {
    return page != null ? page : 0;
  }

  boolean isCursor() {
    return page == null;
  }

  String before() {
    return before;
  }

  String after() {
    return after;
  }

  @Override
  public String toString() {
    return page != null ? "page " + page : after != null ? "after " + after : "before " + before;
  }
}
