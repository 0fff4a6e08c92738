package com.exceptionless.examples;

import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.ProjectConnection;
import com.exceptionless.client.SubmitResult;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The whole workflow: log in, list projects, get a client-scoped token for one project, submit an event
 * with it, and show what the server received.
 */
public final class WorkflowExample {
  private WorkflowExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(WorkflowExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    String projectNameOrId = target.project();
    // README: workflow
    ExceptionlessClient user = target.userClient();
    for (ViewProject project : user.projects().listAll()) {
      out.println("Project found: " + project.getName() + " (" + project.getId() + ")");
    }

    ProjectConnection connection = user.connectToProject(projectNameOrId, target.tokenPolicy);
    out.println((connection.tokenCreated() ? "Client token created: " : "Client token reused: ") + connection.token());

    Event event = Event.builder()
        .type("log")
        .source(WorkflowExample.class.getName())
        .message("Hello from exceptionless-java")
        .date(OffsetDateTime.now())
        .referenceId("workflow-example-1")
        .putDataItem("@level", "Info")
        .build();
    SubmitResult result = connection.client().events().submit(event);
    out.println("Event accepted (202); configuration version " + result.configVersion().orElse(0));
    // README: end

    if (target.standIn != null) {
      for (ReceivedEvent received : target.standIn.awaitEvents(1, Duration.ofSeconds(5))) {
        out.println("The server received: " + connection.client().moshi().adapter(Object.class).toJson(received.json()));
      }
    } else {
      out.println("The server processes events asynchronously; look for it in the project's log stream.");
    }
  }
}
