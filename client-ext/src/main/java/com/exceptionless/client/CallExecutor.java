package com.exceptionless.client;

import com.exceptionless.client.errors.ExceptionlessException;
import com.exceptionless.client.errors.ExceptionlessIoException;
import com.exceptionless.client.errors.ExceptionlessServiceException;
import com.exceptionless.client.model.HttpValidationProblemDetails;
import com.exceptionless.client.model.ModelActionResults;
import com.exceptionless.client.model.ProblemDetails;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.logging.Level;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs a generated Retrofit call, retrying it as the {@link RetryPolicy} says (on a {@code clone()}, after
 * closing the failed answer), and turns every failure into the SDK's exceptions: I/O failures into
 * {@link ExceptionlessIoException}, error statuses into the typed {@code ExceptionlessServiceException}
 * subclasses (see {@link ExceptionlessServiceException}), unreadable bodies into {@link ExceptionlessException}.
 * Success and 304 answers are returned. Immutable and thread-safe.
 */
final class CallExecutor {
  /** Error bodies longer than this are not problem details worth reading. */
  private static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

  private final JsonAdapter<HttpValidationProblemDetails> problemAdapter;
  private final JsonAdapter<Map<String, Object>> extensionAdapter;
  private final JsonAdapter<ModelActionResults> bulkAdapter;
  private final RetryPolicy retries;

  CallExecutor(Moshi moshi, RetryPolicy retries) {
    this.problemAdapter = moshi.adapter(HttpValidationProblemDetails.class);
    this.extensionAdapter = moshi.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    this.bulkAdapter = moshi.adapter(ModelActionResults.class);
    this.retries = retries;
  }

  <T> Response<T> execute(Call<T> call) {
    return execute(call, (String) null);
  }

  /**
   * Executes the call.
   *
   * @param hint403 what to tell the user on a 403 for this call, or null for the general advice
   */
  <T> Response<T> execute(Call<T> call, String hint403) {
    return execute(call, status -> status == 403 ? hint403 : null);
  }

  /**
   * Executes the call.
   *
   * @param hints what to tell the user for an error status of this call, or null for the general advice
   */
  <T> Response<T> execute(Call<T> call, IntFunction<String> hints) {
    Response<T> response = executeAllowingErrors(call);
    if (response.isSuccessful() || response.code() == 304) {
      return response;
    }
    throw failure(response, hints);
  }

  /**
   * Executes the call, with retries, and returns any HTTP answer; the caller must handle error statuses
   * (see {@link #failure}).
   */
  <T> Response<T> executeAllowingErrors(Call<T> call) {
    String route = Routes.describe(call.request());
    String method = call.request().method();
    Call<T> attempt = call;
    for (int retriesDone = 0; ; retriesDone++) {
      Response<T> response;
      try {
        response = attempt.execute();
      } catch (JsonEncodingException | JsonDataException e) {
        throw new ExceptionlessException(route + " answered with JSON this SDK could not read: " + e.getMessage(), e);
      } catch (IOException e) {
        if (!attempt.isCanceled() && RetryPolicy.isRetryableFailure(e) && retries.mayRetry(method, retriesDone)) {
          Duration delay = retries.delay(retriesDone, null);
          log(route, e.getClass().getSimpleName(), retriesDone, delay);
          pause(route, delay, e);
          attempt = attempt.clone();
          continue;
        }
        throw new ExceptionlessIoException(route + " failed: " + describe(e), e);
      }
      if (!RetryPolicy.isRetryableStatus(response.code()) || !retries.mayRetry(method, retriesDone)) {
        return response;
      }
      Duration delay = retries.delay(retriesDone, response.headers().get("Retry-After"));
      if (delay == null) {
        return response;
      }
      closeQuietly(response);
      log(route, String.valueOf(response.code()), retriesDone, delay);
      pause(route, delay, null);
      attempt = attempt.clone();
    }
  }

  /**
   * Executes an action on several ids ({@code {ids}} routes): every id succeeded on 2xx; a 400 with the
   * server's plain-JSON per-id results becomes a partial {@link BulkResult}; anything else is thrown.
   *
   * @param hint403 what to tell the user on a 403 for this call, or null for the general advice
   */
  BulkResult executeBulk(Call<?> call, List<String> ids, String hint403) {
    Response<?> response = executeAllowingErrors(call);
    if (response.isSuccessful()) {
      return BulkResult.allSucceeded(ids);
    }
    ResponseBody body = response.errorBody();
    MediaType type = body == null ? null : body.contentType();
    if (response.code() == 400 && type != null && type.subtype().equals("json")) {
      String route = Routes.describe(response.raw().request());
      try (ResponseBody closing = body) {
        ModelActionResults results = bulkAdapter.fromJson(closing.source());
        if (results != null && (results.getSuccess() != null || results.getFailure() != null)) {
          return BulkResult.from(results);
        }
        throw new ExceptionlessException(route + " answered 400 without per-id results", null);
      } catch (IOException | JsonDataException e) {
        throw new ExceptionlessException(route + " answered 400 with per-id results this SDK could not read: "
            + e.getMessage(), e);
      }
    }
    throw failure(response, hint403);
  }

  private void pause(String route, Duration delay, IOException cause) {
    try {
      retries.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
      interrupted.initCause(e);
      if (cause != null) {
        interrupted.addSuppressed(cause);
      }
      throw new ExceptionlessIoException(route + " was interrupted while waiting to retry", interrupted);
    }
  }

  private void log(String route, String outcome, int retriesDone, Duration delay) {
    if (HttpLog.LOGGER.isLoggable(Level.FINE)) {
      HttpLog.LOGGER.fine(route + " -> " + outcome + "; retry " + (retriesDone + 1) + " of "
          + retries.maxRetries() + " in " + delay.toMillis() + " ms");
    }
  }

  /** Closes a discarded answer (Retrofit has already read the network body into the error body). */
  private static void closeQuietly(Response<?> response) {
    ResponseBody errorBody = response.errorBody();
    if (errorBody != null) {
      errorBody.close();
    }
  }

  /**
   * Returns the typed exception for an error answer (reading and closing its body).
   *
   * @param hint403 what to tell the user on a 403 for this call, or null for the general advice
   */
  RuntimeException failure(Response<?> response, String hint403) {
    return failure(response, status -> status == 403 ? hint403 : null);
  }

  /**
   * Returns the typed exception for an error answer (reading and closing its body).
   *
   * @param hints what to tell the user for an error status of this call, or null for the general advice
   */
  RuntimeException failure(Response<?> response, IntFunction<String> hints) {
    String route = Routes.describe(response.raw().request());
    String hint = hints.apply(response.code());
    String body = readProblemText(response.errorBody());
    HttpValidationProblemDetails problem = parseProblem(body);
    ProblemDetails details = problem == null ? null : ProblemDetails.builder()
        .type(problem.getType())
        .title(problem.getTitle())
        .status(problem.getStatus() != null ? problem.getStatus() : response.code())
        .detail(problem.getDetail())
        .instance(problem.getInstance())
        .build();
    return ExceptionlessServiceException.builder()
        .statusCode(response.code())
        .request(route)
        .problem(details)
        .fieldErrors(problem == null ? null : problem.getErrors())
        .headers(response.headers().toMultimap())
        .advice(hint)
        .referenceId(problem == null ? null : problemReferenceId(body))
        .build();
  }

  /** Reads a JSON error body (at most {@link #MAX_ERROR_BODY_BYTES}) as text, or null; closes the body. */
  private static String readProblemText(ResponseBody body) {
    if (body == null) {
      return null;
    }
    try (ResponseBody closing = body) {
      MediaType type = closing.contentType();
      boolean json = type == null || type.subtype().equals("json") || type.subtype().endsWith("+json");
      if (!json || closing.contentLength() > MAX_ERROR_BODY_BYTES) {
        return null;
      }
      String text = closing.string();
      return text.trim().startsWith("{") ? text : null;
    } catch (IOException e) {
      return null;
    }
  }

  private HttpValidationProblemDetails parseProblem(String text) {
    if (text == null) {
      return null;
    }
    try {
      return problemAdapter.fromJson(text);
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  /** The {@code reference-id} extension member of a problem-details body (sent with 5xx answers), or null. */
  private String problemReferenceId(String text) {
    try {
      Map<String, Object> members = extensionAdapter.fromJson(text);
      Object referenceId = members == null ? null : members.get("reference-id");
      return referenceId instanceof String ? (String) referenceId : null;
    } catch (IOException | JsonDataException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return "timed out (" + e.getMessage() + "); raise the timeouts on the client builder if the server is slow";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + e.getMessage() + "; check the server URL";
    }
    if (e instanceof ConnectException) {
      return "could not connect (" + e.getMessage() + "); check the server URL and that the server is running";
    }
    return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
  }
}
