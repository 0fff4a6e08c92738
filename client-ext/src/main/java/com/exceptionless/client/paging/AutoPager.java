package com.exceptionless.client.paging;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list, across pages, fetched lazily one page at a time.
 *
 * <p>This is a recipe: each {@link #iterator()} (and each {@link #stream()}) starts again from the first
 * page and keeps its own position, so one AutoPager can be shared between threads; a single iterator
 * cannot. No request is sent until the first item is asked for. When paging by page number reaches the
 * server's skip limit (1,000 items) while more items match, {@code hasNext()} throws
 * {@link com.exceptionless.client.errors.SkipLimitException} rather than end a silently short sequence.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Supplier<Page<T>> firstPage;

  private AutoPager(Supplier<Page<T>> firstPage) {
    this.firstPage = firstPage;
  }

  /**
   * Creates an AutoPager.
   *
   * @param firstPage loads the first page; called once per iterator
   * @param <T> the item type
   * @return the AutoPager
   */
  public static <T> AutoPager<T> of(Supplier<Page<T>> firstPage) {
    Objects.requireNonNull(firstPage, "firstPage == null");
    return new AutoPager<>(firstPage);
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator<>(firstPage);
  }

  /** Returns a sequential stream over every item, fetching pages as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public String toString() {
    return "AutoPager";
  }

  /** Walks the pages; its state (current page, position) is its own. Not thread-safe. */
  private static final class PageIterator<T> implements Iterator<T> {
    private Supplier<Page<T>> pendingFirstPage;
    private Page<T> page;
    private int index;

    PageIterator(Supplier<Page<T>> firstPage) {
      this.pendingFirstPage = firstPage;
    }

    @Override
    public boolean hasNext() {
      if (pendingFirstPage != null) {
        page = pendingFirstPage.get();
        pendingFirstPage = null;
      }
      while (index >= page.items().size()) {
        if (!page.hasNextPage() && !page.skipLimitReached()) {
          return false;
        }
        page = page.nextPage(); // at the skip limit, this throws SkipLimitException
        index = 0;
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.items().get(index++);
    }
  }
}
