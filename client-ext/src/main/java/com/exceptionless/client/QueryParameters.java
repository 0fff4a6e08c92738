package com.exceptionless.client;

import org.jspecify.annotations.Nullable;

/**
 * The parameters the list and count queries share: where (the scope), filter, sort, time range and its offset, page
 * number and page size. Their state, checks, copy and description exist here once, for {@link EventQuery},
 * {@link StackQuery}, {@link EventCountQuery} and {@link ProjectQuery}, which extend it; a parameter the server adds
 * to several list routes lands here, and each query's builder declares the setter when its route takes it.
 * Immutable.
 */
abstract class QueryParameters {
  private final Scope scope;
  private final @Nullable String filter;
  private final @Nullable String sort;
  private final @Nullable String time;
  private final @Nullable String offset;
  private final @Nullable Integer page;
  private final @Nullable Integer limit;

  QueryParameters(Builder<?> builder) {
    this.scope = builder.scope;
    this.filter = builder.filter;
    this.sort = builder.sort;
    this.time = builder.time;
    this.offset = builder.offset;
    this.page = builder.page;
    this.limit = builder.limit;
  }

  Scope scope() {
    return scope;
  }

  @Nullable String filter() {
    return filter;
  }

  @Nullable String sort() {
    return sort;
  }

  @Nullable String time() {
    return time;
  }

  @Nullable String offset() {
    return offset;
  }

  @Nullable Integer page() {
    return page;
  }

  @Nullable Integer limit() {
    return limit;
  }

  /** The parameters only this kind of query has, as {@code , name=value} pairs, for {@link #toString()}. */
  abstract String describeOwnParameters();

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(getClass().getSimpleName()).append("{scope=").append(scope);
    append(text, "filter", filter);
    append(text, "sort", sort);
    append(text, "time", time);
    append(text, "offset", offset);
    append(text, "page", page);
    append(text, "limit", limit);
    return text.append(describeOwnParameters()).append('}').toString();
  }

  private static void append(StringBuilder text, String name, @Nullable Object value) {
    if (value != null) {
      text.append(", ").append(name).append('=').append(value);
    }
  }

  /**
   * Holds and checks the shared parameters for the public builders, which extend it and declare, public and with
   * the javadoc of their resource, the setters their route takes (a base that is not public cannot lend documented
   * public methods to Java 8 callers, and no route takes every parameter). Not thread-safe.
   *
   * @param <B> the builder type, which the setters return for chaining
   */
  abstract static class Builder<B extends Builder<B>> {
    private final int maxLimit;
    private Scope scope = Scope.ALL;
    private @Nullable String filter;
    private @Nullable String sort;
    private @Nullable String time;
    private @Nullable String offset;
    private @Nullable Integer page;
    private @Nullable Integer limit;

    Builder(int maxLimit) {
      this.maxLimit = maxLimit;
    }

    abstract B self();

    final B setScope(Scope scope) {
      this.scope = scope;
      return self();
    }

    /** Sets the filter; a blank one means none. */
    final B setFilter(@Nullable String filter) {
      this.filter = QueryChecks.text(filter);
      return self();
    }

    final B setSort(@Nullable String sort) {
      this.sort = QueryChecks.text(sort);
      return self();
    }

    final B setTime(@Nullable String time) {
      this.time = QueryChecks.text(time);
      return self();
    }

    final B setOffset(@Nullable String offset) {
      this.offset = QueryChecks.text(offset);
      return self();
    }

    final B setPage(@Nullable Integer page) {
      this.page = page == null ? null : QueryChecks.page(page);
      return self();
    }

    final B setLimit(int limit) {
      this.limit = QueryChecks.limit(limit, maxLimit);
      return self();
    }

    final @Nullable Integer page() {
      return page;
    }

    /** Copies a query's shared parameters into this builder (for {@code toBuilder()}). */
    final B copyFrom(QueryParameters query) {
      this.scope = query.scope;
      this.filter = query.filter;
      this.sort = query.sort;
      this.time = query.time;
      this.offset = query.offset;
      this.page = query.page;
      this.limit = query.limit;
      return self();
    }

    /** Refuses a page beyond the server's skip limit (the first 1,000 items). */
    final void checkSkipLimit() {
      QueryChecks.withinSkipLimit(page, limit);
    }
  }
}
