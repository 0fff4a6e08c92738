package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.json.ExceptionlessMoshi;
import com.exceptionless.client.model.CountResult;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AggregationsTest {
  private final CountResult result;

  AggregationsTest() throws IOException {
    result = ExceptionlessMoshi.create().adapter(CountResult.class).fromJson("{\"total\":5,\"aggregations\":{"
        + "\"terms_type\":{\"items\":[{\"key\":\"error\",\"total\":3},{\"key\":\"log\",\"total\":2}]},"
        + "\"cardinality_user\":{\"value\":4.0}}}");
  }

  @Test
  void readsTermsBucketsAndCardinalitiesByField() {
    assertThat(Aggregations.terms(result, "type")).extracting(Aggregations.Bucket::toString).containsExactly("error=3", "log=2");
    assertThat(Aggregations.cardinality(result, "user")).hasValue(4);
  }

  @Test
  void anAggregationTheServerDidNotSendIsEmpty() {
    assertThat(Aggregations.terms(result, "tags")).isEmpty();
    assertThat(Aggregations.cardinality(result, "stack")).isEmpty();
  }
}
