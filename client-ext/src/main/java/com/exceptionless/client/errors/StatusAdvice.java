package com.exceptionless.client.errors;

/** Reason phrases and default advice per HTTP status, for exception messages. Stateless. */
final class StatusAdvice {
  private StatusAdvice() {
  }

  static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 402: return "Payment Required";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 409: return "Conflict";
      case 411: return "Length Required";
      case 413: return "Payload Too Large";
      case 415: return "Unsupported Media Type";
      case 422: return "Unprocessable Entity";
      case 426: return "Upgrade Required";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 501: return "Not Implemented";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "HTTP " + status;
    }
  }

  static String advice(int status) {
    switch (status) {
      case 401:
        return "The credential is missing, unknown, disabled or expired: check the API key or user token"
            + " (EXCEPTIONLESS_API_KEY / EXCEPTIONLESS_USER_TOKEN), or log in again.";
      case 402:
        return "The organization has used its monthly events or is suspended: upgrade its plan or wait for the next month.";
      case 403:
        return "The credential lacks the role this call needs: a client-scoped API key can only submit events"
            + " and read client configuration; use a user login token for the rest.";
      case 413:
        return "Send fewer or smaller events per request (the server accepts 200,000 bytes by default).";
      case 426:
        return "The organization's plan does not include this: upgrade the plan.";
      case 429:
        return "The 15-minute request limit is used up: retry later.";
      case 501:
        return null; // the server does not support this call here (e.g. promote without a web hook): a retry cannot help
      default:
        return status >= 500 ? "The server failed: retry later." : null;
    }
  }
}
