package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReporterBuilderValidationTest {
  private static final String TAG_256 = repeat('t', 256);

  @Test
  void defaultTagsRefusesNullsBlanksAndOverlongTagsSayingWhatToFix() {
    ReporterBuilder builder = ExceptionlessReporter.builder();

    assertThatThrownBy(() -> builder.defaultTags((String[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("defaultTags == null: pass tags, or none");
    assertThatThrownBy(() -> builder.defaultTags("web", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("defaultTags[1] == null: pass only non-blank tags");
    assertThatThrownBy(() -> builder.defaultTags("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("defaultTags[0] is blank: pass tags of 1 to 100 characters");
    assertThatThrownBy(() -> builder.defaultTags("   ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is blank");
    assertThatThrownBy(() -> builder.defaultTags(TAG_256)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("defaultTags[0] is 256 characters long; the server drops tags over 100 characters: shorten it");
    assertThatThrownBy(() -> builder.defaultTags(repeat('t', 101))).isInstanceOf(IllegalArgumentException.class);
    String[] tooMany = new String[51];
    for (int i = 0; i < tooMany.length; i++) {
      tooMany[i] = "tag" + i;
    }
    assertThatThrownBy(() -> builder.defaultTags(tooMany)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 50");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\u0000b", "a\nb", "a\rb", "a\tb", "a\u007fb", "a\u0085b", "a\u202Eb", "a\u202Ab", "a\u2066b",
      "a\u2067b", "a\u2068b", "a\u2069b", "a\u200Fb", "a\u200Bb", "a\uFEFFb", "a\u2028b", "a\uD800b", "web\n"})
  void tagsWithControlOrBidiCharactersAreRefusedNamingTheCharacter(String tag) {
    String code = String.format("U+%04X", tag.chars().filter(c -> c != 'a' && c != 'b' && c != 'w' && c != 'e').findFirst().getAsInt());

    assertThatThrownBy(() -> ExceptionlessReporter.builder().defaultTags("ok", tag)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("defaultTags[1] holds the character " + code).hasMessageEndingWith("remove it");
    assertThatThrownBy(() -> Tags.checkAll(new String[] {tag}, "tags", java.util.Collections.<String>emptySet()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(code);
  }

  @Test
  void goodTagsAreTrimmedAndKeptInOrderWithoutRepeats() {
    assertThat(Tags.checkAll(new String[] {" web ", "api", "web", "caf\u00e9 \uD83D\uDE00", "\u0645\u0631\u062D\u0628\u0627", "a\u200Db"}, "tags",
        java.util.Collections.<String>emptySet()))
        .containsExactly("web", "api", "caf\u00e9 \uD83D\uDE00", "\u0645\u0631\u062D\u0628\u0627", "a\u200Db");
    assertThat(ExceptionlessReporter.builder().defaultTags(repeat('t', 100), "x").defaultTags).hasSize(2);
  }

  @Test
  void dataExclusionsAndVersionAreCheckedWhenSet() {
    ReporterBuilder builder = ExceptionlessReporter.builder();

    assertThatThrownBy(() -> builder.dataExclusions((String[]) null)).isInstanceOf(NullPointerException.class)
        .hasMessage("dataExclusions == null: pass patterns, or none");
    assertThatThrownBy(() -> builder.dataExclusions("*Password*", null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("dataExclusions[1] == null");
    assertThatThrownBy(() -> builder.dataExclusions(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataExclusions[0] is blank: pass key patterns such as \"*Password*\"");
    assertThatThrownBy(() -> builder.version(null)).isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("version == null");
    assertThatThrownBy(() -> builder.version("  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("version is blank");
    assertThatThrownBy(() -> builder.version("1.0\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("version holds the character U+000A");

    builder.dataExclusions(" *Token* ", "Password").version(" 2.1.0 ");
    assertThat(builder.dataExclusions).containsExactly("*Token*", "Password");
    assertThat(builder.version).isEqualTo("2.1.0");
    assertThat(Arrays.asList(builder.defaultTags().defaultTags)).containsExactly(java.util.Collections.emptySet());
  }

  private static String repeat(char c, int count) {
    char[] chars = new char[count];
    Arrays.fill(chars, c);
    return new String(chars);
  }
}
