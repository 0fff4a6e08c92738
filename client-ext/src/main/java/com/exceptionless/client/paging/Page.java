package com.exceptionless.client.paging;

import com.exceptionless.client.errors.SkipLimitException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list answer: its items, the total the server reported, and the way to the next page.
 *
 * <p>The SDK's pages are immutable and thread-safe; {@link #nextPage()} sends a request each time it is called. A
 * page that ends paging by page number at the server's skip limit says so ({@link #skipLimitReached()}), and its
 * {@link #nextPage()} throws {@link SkipLimitException} instead of ending silently. An interface, as openai-java's
 * pages are, so that tests can hand code their own pages.
 *
 * @param <T> the item type
 */
public interface Page<T> {
  /** Returns the items of this page, in the server's order. */
  List<T> items();

  /** Returns the total number of items across all pages ({@code X-Result-Count}), when the server sent it. */
  OptionalLong totalCount();

  /** Returns whether the server linked a next page. */
  boolean hasNextPage();

  /** Returns the server's {@code rel="next"} link, when there is a next page. */
  Optional<String> nextPageUrl();

  /**
   * Returns the position after this page when the server pages by cursor: the {@code after} (or
   * {@code before}) token of the next link, which {@code EventQuery.Builder.after(String)} resumes from.
   */
  Optional<String> nextCursor();

  /**
   * Returns whether paging by page number stopped here at the server's skip limit (the first 1,000
   * items) although more items match; when the server sent no total this may send one request to find out.
   */
  boolean skipLimitReached();

  /**
   * Fetches the next page.
   *
   * @return the next page
   * @throws NoSuchElementException on the last page
   * @throws SkipLimitException when more items match but the server's skip limit keeps page numbers from reaching them
   */
  Page<T> nextPage();
}
