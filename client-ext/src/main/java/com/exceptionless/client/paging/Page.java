package com.exceptionless.client.paging;

import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * One page of a list answer: its items, the total the server reported, and the way to the next page.
 *
 * <p>Immutable and thread-safe; {@link #nextPage()} sends a request each time it is called.
 *
 * @param <T> the item type
 */
public final class Page<T> {
  private final List<T> items;
  private final Long totalCount;
  private final String nextUrl;
  private final Supplier<Page<T>> nextPageLoader;

  private Page(List<T> items, Long totalCount, String nextUrl, Supplier<Page<T>> nextPageLoader) {
    this.items = items;
    this.totalCount = totalCount;
    this.nextUrl = nextUrl;
    this.nextPageLoader = nextPageLoader;
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
    if (items == null) {
      throw new NullPointerException("items == null");
    }
    if (nextUrl != null && nextPageLoader == null) {
      throw new NullPointerException("nextPageLoader == null");
    }
    return new Page<>(Collections.unmodifiableList(items), totalCount, nextUrl, nextPageLoader);
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
   * Fetches the next page.
   *
   * @return the next page
   * @throws NoSuchElementException on the last page
   */
  public Page<T> nextPage() {
    if (nextUrl == null) {
      throw new NoSuchElementException("This is the last page: check hasNextPage() first");
    }
    return nextPageLoader.get();
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + (totalCount != null ? ", totalCount=" + totalCount : "")
        + ", hasNextPage=" + hasNextPage() + "}";
  }
}
