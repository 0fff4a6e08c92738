package com.exceptionless.client.reporting;

import com.exceptionless.client.EventService;
import com.exceptionless.client.SubmitResult;
import com.exceptionless.client.errors.BadRequestException;
import com.exceptionless.client.errors.ExceptionlessIoException;
import com.exceptionless.client.errors.ExceptionlessServiceException;
import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.errors.RateLimitedException;
import com.exceptionless.client.errors.ServerErrorException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends one batch through the client's {@link EventService} and decides what each answer means, as the
 * official clients do and better: 202 accepted; 400 and 404 discarded; 401 and 403 discarded with a
 * pause; 402 pause and clear; 413 split; 429, 5xx and I/O failures kept and retried (Retry-After honoured).
 * Never throws. Immutable and thread-safe.
 */
final class BatchSender {
  static final Duration UNAUTHORIZED_PAUSE = Duration.ofMinutes(15);
  static final Duration PLAN_LIMIT_PAUSE = Duration.ofMinutes(5);

  private final EventService events;

  BatchSender(EventService events) {
    this.events = events;
  }

  Outcome send(List<Event> batch) {
    try {
      SubmitResult result = events.submit(batch);
      return Outcome.accepted(result.configVersion().isPresent() ? result.configVersion().getAsInt() : null);
    } catch (BadRequestException | NotFoundException e) {
      return Outcome.discard(DiscardReason.REJECTED, Duration.ZERO, e.getMessage());
    } catch (UnauthorizedException | ForbiddenException e) {
      return Outcome.discard(DiscardReason.UNAUTHORIZED, UNAUTHORIZED_PAUSE, e.getMessage());
    } catch (PlanLimitException e) {
      return e.statusCode() == 402
          ? Outcome.planLimit(PLAN_LIMIT_PAUSE, e.getMessage())
          : Outcome.discard(DiscardReason.PLAN_LIMIT, Duration.ZERO, e.getMessage());
    } catch (RateLimitedException | ServerErrorException e) {
      return Outcome.retry(e.retryAfter(), e.getMessage());
    } catch (ExceptionlessServiceException e) {
      switch (e.statusCode()) {
        case 413:
          return Outcome.split(e.getMessage());
        case 408:
          return Outcome.retry(e.retryAfter(), e.getMessage());
        default:
          return Outcome.discard(DiscardReason.FAILED, Duration.ZERO, e.getMessage());
      }
    } catch (ExceptionlessIoException e) {
      return Outcome.retry(Optional.empty(), e.getMessage());
    } catch (RuntimeException e) {
      return Outcome.discard(DiscardReason.FAILED, Duration.ZERO, e.toString());
    }
  }
}
