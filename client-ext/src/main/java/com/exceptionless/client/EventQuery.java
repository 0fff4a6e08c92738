package com.exceptionless.client;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to list of events: where (everything, an organization, a project or a stack), filter, sort, time
 * range, page size, and the position: a page number, or a cursor ({@code before}/{@code after}), which is
 * what the server uses when the page is left unset and which has no 1,000-item skip limit. Values are
 * checked as they are set. Immutable.
 */
public final class EventQuery extends QueryParameters {
  /** The server's largest page size for events. */
  public static final int MAX_LIMIT = 100;

  private final @Nullable String before;
  private final @Nullable String after;
  private final boolean includeTotal;

  private EventQuery(Builder builder) {
    super(builder);
    this.before = builder.before;
    this.after = builder.after;
    this.includeTotal = builder.includeTotal;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query of the server's defaults: every event the caller can see, newest first, 10 per page, by cursor. */
  public static EventQuery defaults() {
    return builder().build();
  }

  @Nullable String before() {
    return before;
  }

  @Nullable String after() {
    return after;
  }

  @Nullable String include() {
    return includeTotal ? "total" : null;
  }

  /** Returns this query moved to a position a next link named. */
  EventQuery at(PagePosition position) {
    Builder builder = toBuilder();
    builder.setPage(null);
    builder.before = null;
    builder.after = null;
    if (!position.isCursor()) {
      builder.setPage(position.page());
    } else if (position.after() != null) {
      builder.after = position.after();
    } else {
      builder.before = position.before();
    }
    return builder.build();
  }

  EventQuery withDefaultLimit(int defaultLimit) {
    return limit() != null ? this : toBuilder().limit(defaultLimit).build();
  }

  /** Returns a builder holding this query. */
  public Builder toBuilder() {
    Builder builder = new Builder().copyFrom(this);
    builder.before = before;
    builder.after = after;
    builder.includeTotal = includeTotal;
    return builder;
  }

  @Override
  String describeOwnParameters() {
    return (before != null ? ", before=" + before : "") + (after != null ? ", after=" + after : "")
        + ", includeTotal=" + includeTotal;
  }

  /** Builds an {@link EventQuery}; not thread-safe. */
  public static final class Builder extends QueryParameters.Builder<Builder> {
    private @Nullable String before;
    private @Nullable String after;
    private boolean includeTotal;

    private Builder() {
      super(MAX_LIMIT);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Lists the events of one organization.
     *
     * @param organizationId the organization id
     * @return this builder
     */
    public Builder organization(String organizationId) {
      return setScope(Scope.organization(organizationId));
    }

    /**
     * Lists the events of one project.
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder project(String projectId) {
      return setScope(Scope.project(projectId));
    }

    /**
     * Lists the events of one stack.
     *
     * @param stackId the stack id
     * @return this builder
     */
    public Builder stack(String stackId) {
      return setScope(Scope.stack(stackId));
    }

    /**
     * Narrows the events with a server query, for example {@code type:error reference:order-1234}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(@Nullable String filter) {
      return setFilter(filter);
    }

    /**
     * Sorts by a field, {@code -} for descending (the server's default is {@code -date}).
     *
     * @param sort the sort, or null for the server's order
     * @return this builder
     */
    public Builder sort(@Nullable String sort) {
      return setSort(sort);
    }

    /**
     * Limits the time range, for example {@code last 24 hours} or {@code 2026-01-01|2026-02-01}.
     *
     * @param time the range, or null for the plan's retention
     * @return this builder
     */
    public Builder time(@Nullable String time) {
      return setTime(time);
    }

    /**
     * Sets the time zone offset the time range is read in, for example {@code -300m}.
     *
     * @param offset the offset, or null for UTC
     * @return this builder
     */
    public Builder offset(@Nullable String offset) {
      return setOffset(offset);
    }

    /**
     * Pages by number instead of by cursor, starting at this page; the server then reaches only the first
     * 1,000 events.
     *
     * @param page the page number, from 1
     * @return this builder
     */
    public Builder page(int page) {
      return setPage(page);
    }

    /**
     * Sets the page size, 1 to {@value EventQuery#MAX_LIMIT} (the server's default is 10).
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      return setLimit(limit);
    }

    /**
     * Starts after a cursor: the {@code after} token of a next link ({@link com.exceptionless.client.paging.Page#nextCursor()}).
     *
     * @param cursor the token
     * @return this builder
     */
    public Builder after(String cursor) {
      this.after = cursor(cursor, "after");
      return this;
    }

    /**
     * Ends before a cursor: the {@code before} token of a previous link.
     *
     * @param cursor the token
     * @return this builder
     */
    public Builder before(String cursor) {
      this.before = cursor(cursor, "before");
      return this;
    }

    /**
     * Asks the server for the total count ({@code include=total}), which pages then report in
     * {@link com.exceptionless.client.paging.Page#totalCount()}; it costs the server a count query.
     *
     * @param includeTotal whether to ask for it
     * @return this builder
     */
    public Builder includeTotal(boolean includeTotal) {
      this.includeTotal = includeTotal;
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException when a page number and a cursor, or both cursors, are set, or the page
     *     lies beyond the server's skip limit
     */
    public EventQuery build() {
      if (page() != null && (before != null || after != null)) {
        throw new IllegalArgumentException("page and a cursor (before/after) are both set: page by number or by"
            + " cursor, not both");
      }
      if (before != null && after != null) {
        throw new IllegalArgumentException("before and after are both set: pass one cursor");
      }
      checkSkipLimit();
      return new EventQuery(this);
    }

    private static String cursor(String cursor, String name) {
      Objects.requireNonNull(cursor, name + " == null");
      if (cursor.trim().isEmpty()) {
        throw new IllegalArgumentException(name + " is blank: pass the token of a next or previous link");
      }
      return cursor.trim();
    }
  }
}
