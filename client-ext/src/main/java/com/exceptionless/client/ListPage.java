package com.exceptionless.client;

import com.exceptionless.client.errors.SkipLimitException;
import com.exceptionless.client.paging.Page;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** The SDK's {@link Page}, built by {@link Pages} from a list answer. Immutable and thread-safe. */
final class ListPage<T> implements Page<T> {
  private final List<T> items;
  private final @Nullable Long totalCount;
  private final @Nullable String nextUrl;
  private final @Nullable Supplier<Page<T>> nextPageLoader;
  private final @Nullable BooleanSupplier moreBeyondSkipLimit;
  private final String request;
  private volatile @Nullable Boolean skipLimitReached;

  private ListPage(List<T> items, @Nullable Long totalCount, @Nullable String nextUrl,
      @Nullable Supplier<Page<T>> nextPageLoader, @Nullable BooleanSupplier moreBeyondSkipLimit, String request) {
    this.items = Collections.unmodifiableList(items);
    this.totalCount = totalCount;
    this.nextUrl = nextUrl;
    this.nextPageLoader = nextPageLoader;
    this.moreBeyondSkipLimit = moreBeyondSkipLimit;
    this.request = request;
    this.skipLimitReached = moreBeyondSkipLimit == null ? Boolean.FALSE : null;
  }

  /** A page with a next page, loaded by {@code nextPageLoader}. */
  static <T> Page<T> withNext(List<T> items, @Nullable Long totalCount, String nextUrl, Supplier<Page<T>> nextPageLoader) {
    Objects.requireNonNull(nextUrl, "nextUrl == null");
    Objects.requireNonNull(nextPageLoader, "nextPageLoader == null");
    return new ListPage<>(items, totalCount, nextUrl, nextPageLoader, null, "list request");
  }

  /** The last page. */
  static <T> Page<T> last(List<T> items, @Nullable Long totalCount) {
    return new ListPage<>(items, totalCount, null, null, null, "list request");
  }

  /**
   * The last page the server links when paging by page number stops at its skip limit (the first 1,000 items):
   * there is no next page, but more items may match.
   *
   * @param moreItemsMatch says whether more items match than the pages reach; called at most once, lazily
   * @param request the list request as {@code METHOD route}, for the message
   */
  static <T> Page<T> atSkipLimit(List<T> items, @Nullable Long totalCount, BooleanSupplier moreItemsMatch,
      String request) {
    Objects.requireNonNull(moreItemsMatch, "moreItemsMatch == null");
    return new ListPage<>(items, totalCount, null, null, moreItemsMatch, request);
  }

  @Override
  public List<T> items() {
    return items;
  }

  @Override
  public OptionalLong totalCount() {
    return totalCount == null ? OptionalLong.empty() : OptionalLong.of(totalCount);
  }

  @Override
  public boolean hasNextPage() {
    return nextUrl != null;
  }

  @Override
  public Optional<String> nextPageUrl() {
    return Optional.ofNullable(nextUrl);
  }

  @Override
  public Optional<String> nextCursor() {
    HttpUrl url = nextUrl == null ? null : HttpUrl.parse(nextUrl);
    if (url == null || url.queryParameter("page") != null) {
      return Optional.empty();
    }
    String after = url.queryParameter("after");
    return Optional.ofNullable(after != null ? after : url.queryParameter("before"));
  }

  @Override
  public boolean skipLimitReached() {
    Boolean reached = skipLimitReached;
    if (reached == null) {
      reached = Objects.requireNonNull(moreBeyondSkipLimit, "moreBeyondSkipLimit == null").getAsBoolean();
      skipLimitReached = reached;
    }
    return reached;
  }

  @Override
  public Page<T> nextPage() {
    if (nextUrl == null || nextPageLoader == null) {
      if (skipLimitReached()) {
        throw new SkipLimitException(request, totalCount);
      }
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
