package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void readsRelationsFromSeparateHeaderValues() {
    LinkHeader links = LinkHeader.parse(Arrays.asList(
        "<https://api.exceptionless.com/api/v2/projects?page=1>; rel=\"previous\"",
        "<https://api.exceptionless.com/api/v2/projects?page=3>; rel=\"next\""));

    assertThat(links.url("next")).hasValue("https://api.exceptionless.com/api/v2/projects?page=3");
    assertThat(links.url("previous")).hasValue("https://api.exceptionless.com/api/v2/projects?page=1");
  }

  @Test
  void readsCommaJoinedValuesUnquotedRelationsAndAnyCase() {
    LinkHeader links = LinkHeader.parse(Collections.singletonList(
        "<https://x/api/v2/events?before=abc,def>; rel=previous, <https://x/api/v2/events?after=xyz>; REL=\"Next\""));

    assertThat(links.url("NEXT")).hasValue("https://x/api/v2/events?after=xyz");
    assertThat(links.url("previous")).hasValue("https://x/api/v2/events?before=abc,def");
  }

  @Test
  void ignoresMalformedEntriesAndAbsentHeaders() {
    assertThat(LinkHeader.parse(Collections.emptyList()).url("next")).isEmpty();
    assertThat(LinkHeader.parse(Collections.singletonList("https://x/?page=2; rel=next")).url("next")).isEmpty();
  }
}
