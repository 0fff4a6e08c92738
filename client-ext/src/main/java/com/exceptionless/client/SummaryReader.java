package com.exceptionless.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.util.List;
import retrofit2.Call;

/**
 * Turns a generated list call into one that reads its answer as a list of another type (summaries); see
 * {@link ReadAsCall}. Immutable and thread-safe.
 */
final class SummaryReader {
  private final okhttp3.Call.Factory http;
  private final Moshi moshi;

  SummaryReader(okhttp3.Call.Factory http, Moshi moshi) {
    this.http = http;
    this.moshi = moshi;
  }

  <S> Call<List<S>> listOf(Call<?> generated, Class<S> itemType) {
    JsonAdapter<List<S>> adapter = moshi.adapter(Types.newParameterizedType(List.class, itemType));
    return new ReadAsCall<>(generated, http, adapter);
  }
}
