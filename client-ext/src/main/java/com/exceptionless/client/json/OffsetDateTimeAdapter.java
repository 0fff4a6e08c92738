package com.exceptionless.client.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads and writes RFC 3339 date-times, keeping the offset.
 *
 * <p>Reads up to nine fractional digits (the server writes seven) and reads a value with no offset, as
 * older {@code *_utc} documents have, as UTC. Writes the value with its own offset. Stateless and thread-safe.
 */
final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) ->
      type == OffsetDateTime.class && annotations.isEmpty() ? new OffsetDateTimeAdapter().nullSafe() : null;

  /** ISO local date-time (0 to 9 fractional digits) with an optional offset. */
  private static final DateTimeFormatter READER = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart()
      .appendOffset("+HH:MM:ss", "Z")
      .optionalEnd()
      .toFormatter();

  @Override
  public OffsetDateTime fromJson(JsonReader reader) throws IOException {
    String text = reader.nextString();
    try {
      return parse(text);
    } catch (DateTimeParseException e) {
      throw new JsonDataException("Expected an RFC 3339 date-time but was \"" + text + "\" at path " + reader.getPath(), e);
    }
  }

  @Override
  public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
    writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
  }

  static OffsetDateTime parse(String text) {
    TemporalAccessor parsed = READER.parse(text);
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.from(parsed);
    }
    return LocalDateTime.from(parsed).atOffset(ZoneOffset.UTC);
  }

  @Override
  public String toString() {
    return "JsonAdapter(OffsetDateTime)";
  }
}
