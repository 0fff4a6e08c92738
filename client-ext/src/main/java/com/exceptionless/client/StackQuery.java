package com.exceptionless.client;

/**
 * What to list of stacks: where (all, an organization or a project), filter, sort, time range, page and
 * page size. Values are checked as they are set. Immutable.
 */
public final class StackQuery {
  /** The server's largest page size for stacks. */
  public static final int MAX_LIMIT = 100;

  private final Scope scope;
  private final String filter;
  private final String sort;
  private final String time;
  private final String offset;
  private final Integer page;
  private final Integer limit;

  private StackQuery(Builder builder) {
    this.scope = builder.scope;
    this.filter = builder.filter;
    this.sort = builder.sort;
    this.time = builder.time;
    this.offset = builder.offset;
    this.page = builder.page;
    this.limit = builder.limit;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query of the server's defaults: every stack the caller can see, first page of 10. */
  public static StackQuery defaults() {
    return builder().build();
  }

  Scope scope() {
    return scope;
  }

  String filter() {
    return filter;
  }

  String sort() {
    return sort;
  }

  String time() {
    return time;
  }

  String offset() {
    return offset;
  }

  Integer page() {
    return page;
  }

  Integer limit() {
    return limit;
  }

  StackQuery withPage(int newPage) {
    return toBuilder().page(newPage).build();
  }

  StackQuery withDefaultLimit(int defaultLimit) {
    return limit != null ? this : toBuilder().limit(defaultLimit).build();
  }

  /** Returns a builder holding this query. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.scope = scope;
    builder.filter = filter;
    builder.sort = sort;
    builder.time = time;
    builder.offset = offset;
    builder.page = page;
    builder.limit = limit;
    return builder;
  }

  @Override
  public String toString() {
    return "StackQuery{scope=" + scope + ", filter=" + filter + ", sort=" + sort + ", time=" + time + ", offset=" + offset
        + ", page=" + page + ", limit=" + limit + "}";
  }

  /** Builds a {@link StackQuery}; not thread-safe. */
  public static final class Builder {
    private Scope scope = Scope.ALL;
    private String filter;
    private String sort;
    private String time;
    private String offset;
    private Integer page;
    private Integer limit;

    private Builder() {
    }

    /**
     * Lists the stacks of one organization ({@code api/v2/organizations/{organizationId}/stacks}).
     *
     * @param organizationId the organization id
     * @return this builder
     */
    public Builder organization(String organizationId) {
      this.scope = Scope.organization(organizationId);
      return this;
    }

    /**
     * Lists the stacks of one project ({@code api/v2/projects/{projectId}/stacks}).
     *
     * @param projectId the project id
     * @return this builder
     */
    public Builder project(String projectId) {
      this.scope = Scope.project(projectId);
      return this;
    }

    /**
     * Narrows the stacks with a server query, for example {@code status:open type:error}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(String filter) {
      this.filter = QueryChecks.text(filter);
      return this;
    }

    /**
     * Sorts by a field, {@code -} for descending, for example {@code -last} or {@code -total}.
     *
     * @param sort the sort, or null for the server's order
     * @return this builder
     */
    public Builder sort(String sort) {
      this.sort = QueryChecks.text(sort);
      return this;
    }

    /**
     * Limits the time range, for example {@code last week} or {@code 2026-01-01|2026-02-01}.
     *
     * @param time the range, or null for all time
     * @return this builder
     */
    public Builder time(String time) {
      this.time = QueryChecks.text(time);
      return this;
    }

    /**
     * Sets the time zone offset the time range and dates are read in, for example {@code -300m}.
     *
     * @param offset the offset, or null for UTC
     * @return this builder
     */
    public Builder offset(String offset) {
      this.offset = QueryChecks.text(offset);
      return this;
    }

    /**
     * Asks for one page, starting at 1.
     *
     * @param page the page number
     * @return this builder
     */
    public Builder page(int page) {
      this.page = QueryChecks.page(page);
      return this;
    }

    /**
     * Sets the page size, 1 to {@value StackQuery#MAX_LIMIT} (the server's default is 10).
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = QueryChecks.limit(limit, MAX_LIMIT);
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException when the page lies beyond the server's skip limit (the first 1,000 stacks)
     */
    public StackQuery build() {
      QueryChecks.withinSkipLimit(page, limit);
      return new StackQuery(this);
    }
  }
}
