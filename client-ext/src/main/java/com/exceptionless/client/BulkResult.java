package com.exceptionless.client;

import com.exceptionless.client.model.ModelActionResults;
import com.exceptionless.client.model.PermissionResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of an action on several ids at once: the ids it succeeded for and those it failed for.
 * Its {@code toString()} shows counts only (token ids are secrets). Immutable.
 */
public final class BulkResult {
  private final List<String> succeeded;
  private final List<Failure> failed;

  private BulkResult(List<String> succeeded, List<Failure> failed) {
    this.succeeded = Collections.unmodifiableList(succeeded);
    this.failed = Collections.unmodifiableList(failed);
  }

  static BulkResult allSucceeded(List<String> ids) {
    return new BulkResult(new ArrayList<>(ids), new ArrayList<>());
  }

  static BulkResult from(ModelActionResults results) {
    List<String> succeeded = results.getSuccess() != null ? new ArrayList<>(results.getSuccess()) : new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    if (results.getFailure() != null) {
      for (PermissionResult failure : results.getFailure()) {
        failed.add(new Failure(failure.getId(), failure.getStatusCode() != null ? failure.getStatusCode() : 0, failure.getMessage()));
      }
    }
    return new BulkResult(succeeded, failed);
  }

  /** Returns the ids the action succeeded for. */
  public List<String> succeeded() {
    return succeeded;
  }

  /** Returns the ids the action failed for, with the reason. */
  public List<Failure> failed() {
    return failed;
  }

  /** Returns whether the action succeeded for every id. */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }

  @Override
  public String toString() {
    return "BulkResult{succeeded=" + succeeded.size() + ", failed=" + failed.size() + "}";
  }

  /** Why the action failed for one id. Immutable. */
  public static final class Failure {
    private final String id;
    private final int statusCode;
    private final String message;

    Failure(String id, int statusCode, String message) {
      this.id = id;
      this.statusCode = statusCode;
      this.message = message;
    }

    /** Returns the id. */
    public String id() {
      return id;
    }

    /** Returns the status the action would have had for this id alone, for example 404. */
    public int statusCode() {
      return statusCode;
    }

    /** Returns the server's reason, or null. */
    public @Nullable String message() {
      return message;
    }

    @Override
    public String toString() {
      return "Failure{statusCode=" + statusCode + ", message=" + message + "}";
    }
  }
}
