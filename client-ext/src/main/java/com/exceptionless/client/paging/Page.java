package com.exceptionless.client.paging;

import com.exceptionless.client.errors.SkipLimitException;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * One page of a list answer: its items, the total the server reported, and the way to the next page.
 *
 * <p>Immutable and thread-safe; {@link #nextPage()} sends a request each time it is called. A page that
 * ends paging by page number at the server's skip limit says so ({@link #skipLimitReached()}), and its
 * {@link #nextPage()} throws {@link SkipLimitException} instead of ending silently.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final Long totalCount;
  private final String nextUrl;
  private final Supplier<Page<T>> nextPageLoader;
  private final BooleanSupplier moreBeyondSkipLimit;
  private final String request;
  private volatile Boolean skipLimitReached;

  private Page(List<T> items, Long totalCount, String nextUrl, Supplier<Page<T>> nextPageLoader,
      BooleanSupplier moreBeyondSkipLimit, String request) {
    this.items = items;
    this.totalCount = totalCount;
    this.nextUrl = nextUrl;
    this.nextPageLoader = nextPageLoader;
    this.moreBeyondSkipLimit = moreBeyondSkipLimit;
    this.request = request;
    this.skipLimitReached = moreBeyondSkipLimit == null ? Boolean.FALSE : null;
  }

  /**
   * Creates a page.
   *
   * @param items the items of this page
   * @param totalCount the total across pages ({@code X-Result-Count}), or null when not sent
   * @param nextUrl the {@code rel="next"} link, or null on the last page
   * @param nextPageLoader loads the next page; used only when {@code nextUrl} is not null
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> of(List<T> items, Long totalCount, String nextUrl, Supplier<Page<T>> nextPageLoader) {
    Objects.requireNonNull(items, "items == null");
    if (nextUrl != null && nextPageLoader == null) {
      throw new NullPointerException("nextPageLoader == null");
    }
    return new Page<>(Collections.unmodifiableList(items), totalCount, nextUrl, nextPageLoader, null, null);
  }

  /**
   * Creates the last page the server links when paging by page number stops at its skip limit (the
   * first 1,000 items): there is no next page, but more items may match.
   *
   * @param items the items of this page
   * @param totalCount the total across pages, or null when not sent
   * @param moreItemsMatch says whether more items match than the pages reach; called at most once, lazily
   * @param request the list request as {@code METHOD route}, for the message
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> atSkipLimit(List<T> items, Long totalCount, BooleanSupplier moreItemsMatch, String request) {
    Objects.requireNonNull(items, "items == null");
    Objects.requireNonNull(moreItemsMatch, "moreItemsMatch == null");
    return new Page<>(Collections.unmodifiableList(items), totalCount, null, null, moreItemsMatch,
        request != null ? request : "list request");
  }

  /** Returns the items of this page, in the server's order. */
  public List<T> items() {
    return items;
  }

  /** Returns the total number of items across all pages ({@code X-Result-Count}), when the server sent it. */
  public OptionalLong totalCount() {
    return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
  }

  /** Returns whether the server linked a next page. */
  public boolean hasNextPage() {
    return nextUrl != null;
  }

  /** Returns the server's {@code rel="next"} link, when there is a next page. */
  public Optional<String> nextPageUrl() {
    return Optional.ofNullable(nextUrl);
  }

  /**
   * Returns the position after this page when the server pages by cursor: the {@code after} (or
   * {@code before}) token of the next link, which {@code EventQuery.Builder.after(String)} resumes from.
   */
  public Optional<String> nextCursor() {
    HttpUrl url = nextUrl == null ? null : HttpUrl.parse(nextUrl);
    if (url == null || url.queryParameter("page") != null) {
      return Optional.empty();
    }
    String after = url.queryParameter("after");
    return Optional.ofNullable(after != null ? after : url.queryParameter("before"));
  }

  /**
   * Returns whether paging by page number stopped here at the server's skip limit (the first 1,000
   * items) although more items match; when the server sent no total this may send one request to find out.
   */
  public boolean skipLimitReached() {
    Boolean reached = skipLimitReached;
    if (reached == null) {
      reached = moreBeyondSkipLimit.getAsBoolean();
      skipLimitReached = reached;
    }
    return reached;
  }

  /**
   * Fetches the next page.
   *
   * @return the next page
   * @throws NoSuchElementException on the last page
   * @throws SkipLimitException when more items match but the server's skip limit keeps page numbers from reaching them
   */
  public Page<T> nextPage() {
    if (nextUrl == null) {
      if (skipLimitReached()) {
        throw skipLimitFailure();
      }
      throw new NoSuchElementException("This is the last page: check hasNextPage() first");
    }
    return nextPageLoader.get();
  }

  SkipLimitException skipLimitFailure() {
    return new SkipLimitException(request, totalCount);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + (totalCount != null ? ", totalCount=" + totalCount : "")
        + ", hasNextPage=" + hasNextPage() + "}";
  }
}
