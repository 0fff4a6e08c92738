package com.exceptionless.examples;

import com.exceptionless.client.BulkResult;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.model.ViewToken;
import java.io.PrintStream;
import java.util.Collections;

/** Managing tokens: create one, list the project's tokens, disable the new one, then delete it. */
public final class TokensExample {
  private TokensExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(TokensExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    String projectNameOrId = target.project();
    ExceptionlessClient user = target.userClient();
    // README: tokens
    ViewProject project = user.projects().find(projectNameOrId)
        .orElseThrow(() -> new IllegalStateException("No project named " + projectNameOrId));
    ViewToken token = user.tokens().createClientToken(project, "created by TokensExample");
    out.println("Created: " + token);

    for (ViewToken existing : user.tokens().listAll(project.getId())) {
      out.println("Token of " + project.getName() + ": scopes " + existing.getScopes() + ", notes " + existing.getNotes()
          + (Boolean.TRUE.equals(existing.getIsDisabled()) ? " (disabled)" : ""));
    }

    ViewToken disabled = user.tokens().disable(token.getId());
    out.println("Disabled: " + disabled.getIsDisabled());

    BulkResult deleted = user.tokens().delete(Collections.singletonList(token.getId()));
    out.println("Deleted: " + deleted);
    // README: end
  }
}
