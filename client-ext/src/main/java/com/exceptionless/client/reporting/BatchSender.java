package com.exceptionless.client.reporting;

import com.exceptionless.client.internal.RetryAfter;
import com.exceptionless.client.generated.api.EventApi;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import retrofit2.Invocation;

/**
 * Posts one batch of serialized events to {@code POST api/v2/events} and says what the answer means, as the
 * official clients do and better: 2xx accepted; 400, 404, 415 and 422 discarded; 401 and 403 discarded with a
 * pause; 402 pause; 426 discarded; 413 split; 408, 429, 5xx and I/O failures kept and retried (Retry-After
 * honoured). The body is the events' JSON joined into an array; the client's OkHttpClient adds the credential and
 * gzips it. {@link #cancel()} aborts the call in flight and every later one (closing). Never
 * throws. Thread-safe.
 */
final class BatchSender {
  static final Duration UNAUTHORIZED_PAUSE = Duration.ofMinutes(15);
  static final Duration PLAN_LIMIT_PAUSE = Duration.ofMinutes(5);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Method SUBMIT_EVENTS = submitEventsMethod();

  private final OkHttpClient http;
  private final HttpUrl eventsUrl;
  private final Clock clock;
  private final AtomicReference<Call> inFlight = new AtomicReference<>();
  private volatile boolean cancelled;

  BatchSender(OkHttpClient http, HttpUrl serverUrl, Clock clock) {
    this.http = http;
    this.eventsUrl = serverUrl.resolve("api/v2/events");
    this.clock = clock;
  }

  Outcome send(List<SerializedEvent> events) {
    Call call = http.newCall(request(events));
    inFlight.set(call);
    if (cancelled) {
      call.cancel();
    }
    try (Response response = call.execute()) {
      return outcome(response);
    } catch (IOException e) {
      return call.isCanceled() ? Outcome.retry(Optional.<Duration>empty(), "cancelled: the reporter is closing")
          : Outcome.retry(Optional.<Duration>empty(), describe(e));
    } catch (RuntimeException | LinkageError e) {
      ReportingLog.LOGGER.log(Level.WARNING, "Exceptionless: the HTTP client failed while sending events", e);
      return Outcome.discard(DiscardReason.FAILED, Duration.ZERO, "the HTTP client failed: " + e);
    } finally {
      inFlight.compareAndSet(call, null);
    }
  }

  /** Cancels the call in flight and every later one. */
  void cancel() {
    cancelled = true;
    Call call = inFlight.get();
    if (call != null) {
      call.cancel();
    }
  }

  private Outcome outcome(Response response) {
    int status = response.code();
    String what = "HTTP " + status + (response.message().isEmpty() ? "" : " " + response.message());
    if (status >= 200 && status < 300) {
      return Outcome.accepted(intHeader(response, "X-Exceptionless-ConfigVersion"));
    }
    switch (status) {
      case 400:
      case 404:
      case 415:
      case 422:
        return Outcome.discard(DiscardReason.REJECTED, Duration.ZERO, what + ": the server refused the events");
      case 401:
      case 403:
        return Outcome.discard(DiscardReason.UNAUTHORIZED, UNAUTHORIZED_PAUSE, what
            + ": the API key is unknown, disabled or lacks the client scope; sending pauses for 15 minutes");
      case 402:
        return Outcome.planLimit(PLAN_LIMIT_PAUSE, what + ": the organization is over its plan; sending pauses for 5 minutes");
      case 426:
        return Outcome.discard(DiscardReason.PLAN_LIMIT, Duration.ZERO, what + ": the plan does not allow this");
      case 413:
        return Outcome.split(what);
      case 408:
      case 429:
        return Outcome.retry(retryAfter(response), what);
      default:
        if (status >= 500 && status != 501) {
          return Outcome.retry(retryAfter(response), what);
        }
        return Outcome.discard(DiscardReason.FAILED, Duration.ZERO, what + ": an answer the reporter cannot retry");
    }
  }

  /**
   * The request: the events joined into a JSON array, tagged as the generated {@code submitEvents} call, so that
   * the client's interceptors treat it as that route: its log line names the route, and bodies over 4 KB are
   * gzipped ({@code GzipEventBodiesInterceptor}).
   */
  private Request request(List<SerializedEvent> events) {
    Request.Builder request = new Request.Builder().url(eventsUrl);
    if (SUBMIT_EVENTS != null) {
      request.tag(Invocation.class, Invocation.of(SUBMIT_EVENTS, Collections.singletonList(events.size() + " events")));
    }
    return request.post(new EventsBody(events)).build();
  }

  /**
   * The events' JSON joined into an array, written straight from their serialized bytes into the request's
   * sink (the gzip stream of the client's interceptor), without joining them in memory first. Repeatable.
   */
  private static final class EventsBody extends RequestBody {
    private final List<SerializedEvent> events;
    private final long length;

    EventsBody(List<SerializedEvent> events) {
      this.events = events;
      long bytes = 2 + Math.max(0, events.size() - 1);
      for (SerializedEvent event : events) {
        bytes += event.json.length;
      }
      this.length = bytes;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      sink.writeByte('[');
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) {
          sink.writeByte(',');
        }
        sink.write(events.get(i).json);
      }
      sink.writeByte(']');
    }
  }

  private static Method submitEventsMethod() {
    try {
      return EventApi.class.getMethod("submitEvents", Object.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private Optional<Duration> retryAfter(Response response) {
    String value = response.header("Retry-After");
    return value == null ? Optional.<Duration>empty() : RetryAfter.parse(value, clock);
  }

  private static Integer intHeader(Response response, String name) {
    String value = response.header(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
  }
}
