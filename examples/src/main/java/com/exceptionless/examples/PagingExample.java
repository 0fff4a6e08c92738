package com.exceptionless.examples;

import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.ProjectQuery;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.paging.Page;
import java.io.PrintStream;

/** Paging: one page at a time with its total, then every project through the lazy AutoPager. */
public final class PagingExample {
  private PagingExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(PagingExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    ExceptionlessClient user = target.userClient();
    // README: paging
    Page<ViewProject> page = user.projects().list(ProjectQuery.builder().sort("name").limit(1).build());
    out.println("First page: " + page.items().size() + " of " + page.totalCount().orElse(-1) + " projects");
    while (page.hasNextPage()) {
      page = page.nextPage();
      out.println("Next page: " + page.items().get(0).getName());
    }

    user.projects().listAll(ProjectQuery.builder().sort("name").build()).stream()
        .map(ViewProject::getName)
        .forEach(name -> out.println("Every project, lazily: " + name));
    // README: end
  }
}
