package com.exceptionless.client;

/**
 * What to list of projects: filter, sort, page, page size and whether to include statistics. Immutable.
 */
public final class ProjectQuery {
  /** The server's largest page size for projects. */
  public static final int MAX_LIMIT = 1000;

  private final String filter;
  private final String sort;
  private final Integer page;
  private final Integer limit;
  private final boolean stats;

  private ProjectQuery(Builder builder) {
    this.filter = builder.filter;
    this.sort = builder.sort;
    this.page = builder.page;
    this.limit = builder.limit;
    this.stats = builder.stats;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the query of the server's defaults: first page of 10, no filter. */
  public static ProjectQuery defaults() {
    return builder().build();
  }

  String filter() {
    return filter;
  }

  String sort() {
    return sort;
  }

  Integer page() {
    return page;
  }

  Integer limit() {
    return limit;
  }

  String mode() {
    return stats ? "stats" : null;
  }

  ProjectQuery withPage(int newPage) {
    return toBuilder().page(newPage).build();
  }

  ProjectQuery withDefaultLimit(int defaultLimit) {
    return limit != null ? this : toBuilder().limit(defaultLimit).build();
  }

  /** Returns a builder holding this query. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.filter = filter;
    builder.sort = sort;
    builder.page = page;
    builder.limit = limit;
    builder.stats = stats;
    return builder;
  }

  @Override
  public String toString() {
    return "ProjectQuery{filter=" + filter + ", sort=" + sort + ", page=" + page + ", limit=" + limit + ", stats=" + stats + "}";
  }

  /** Builds a {@link ProjectQuery}; not thread-safe. */
  public static final class Builder {
    private String filter;
    private String sort;
    private Integer page;
    private Integer limit;
    private boolean stats;

    private Builder() {
    }

    /**
     * Narrows the projects with a server query, for example {@code organization:537650f3b77efe23a47914f3}.
     *
     * @param filter the query, or null for none
     * @return this builder
     */
    public Builder filter(String filter) {
      this.filter = filter;
      return this;
    }

    /**
     * Sorts by a field, {@code -} for descending, for example {@code name} or {@code -created}.
     *
     * @param sort the sort, or null for the server's order
     * @return this builder
     */
    public Builder sort(String sort) {
      this.sort = sort;
      return this;
    }

    /**
     * Asks for one page, starting at 1.
     *
     * @param page the page number
     * @return this builder
     */
    public Builder page(int page) {
      if (page < 1) {
        throw new IllegalArgumentException("page must be 1 or more, but was " + page);
      }
      this.page = page;
      return this;
    }

    /**
     * Sets the page size, 1 to {@value ProjectQuery#MAX_LIMIT} (the server's default is 10).
     *
     * @param limit the page size
     * @return this builder
     */
    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", but was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Asks for statistics (stack and event counts, usage), {@code mode=stats}.
     *
     * @param stats whether to include them
     * @return this builder
     */
    public Builder stats(boolean stats) {
      this.stats = stats;
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws IllegalArgumentException when the page lies beyond the server's skip limit (the first 1,000 projects)
     */
    public ProjectQuery build() {
      QueryChecks.withinSkipLimit(page, limit);
      return new ProjectQuery(this);
    }
  }
}
