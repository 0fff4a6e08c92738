package com.exceptionless.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * Describes a request by its route template ({@code GET api/v2/tokens/{id}}), read from the generated
 * Retrofit method, so that messages and logs never carry ids (a token id is the API key itself). Stateless.
 */
final class Routes {
  private Routes() {
  }

  static String describe(Request request) {
    Invocation invocation = request.tag(Invocation.class);
    if (invocation != null) {
      String template = template(invocation.method());
      if (template != null) {
        return request.method() + " " + template;
      }
    }
    return request.method() + " (unknown route)";
  }

  private static String template(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation instanceof GET) {
        return ((GET) annotation).value();
      } else if (annotation instanceof POST) {
        return ((POST) annotation).value();
      } else if (annotation instanceof PUT) {
        return ((PUT) annotation).value();
      } else if (annotation instanceof PATCH) {
        return ((PATCH) annotation).value();
      } else if (annotation instanceof DELETE) {
        return ((DELETE) annotation).value();
      }
    }
    return null;
  }
}
