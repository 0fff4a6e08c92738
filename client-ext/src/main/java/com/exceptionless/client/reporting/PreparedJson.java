package com.exceptionless.client.reporting;

import com.exceptionless.client.model.EnvironmentInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.Module;
import com.exceptionless.client.model.StackFrame;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Writes what repeats from event to event as JSON prepared once, each the bytes its Moshi adapter wrote the
 * first time: stack frames of the {@link FrameCache} (a {@code stack_trace} list is then a copy of cached
 * bytes), the class path's {@code modules} list of the {@link ModuleCatalog}, and {@code @environment} as the
 * {@link EnvironmentCollector} made it (one instance per thread and memory reading); the event's date as
 * ISO-8601 text with the offset, the part up to the second formatted once per second (the client's date adapter
 * comes before this factory, so the event is written here field by field, as Moshi's class adapter does). Anything else (a frame, a
 * list or an environment a plugin made or changed) is written by the next adapter, so the JSON is the same
 * either way. Added to the reporter's own Moshi; reading is unchanged. Thread-safe.
 */
final class PreparedJson implements JsonAdapter.Factory {
  private static final Type FRAMES = Types.newParameterizedType(List.class, StackFrame.class);
  private static final Type MODULES = Types.newParameterizedType(List.class, Module.class);

  private final FrameCache frames;
  private final ModuleCatalog modules;
  private final EnvironmentCollector environment;

  PreparedJson(FrameCache frames, ModuleCatalog modules, EnvironmentCollector environment) {
    this.frames = frames;
    this.modules = modules;
    this.environment = environment;
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (Types.equals(type, FRAMES)) {
      return new FrameLists(moshi.nextAdapter(this, type, annotations), moshi.adapter(StackFrame.class));
    }
    if (Types.equals(type, MODULES)) {
      return new Modules(moshi.nextAdapter(this, type, annotations));
    }
    if (type == EnvironmentInfo.class) {
      return new Environments(moshi.nextAdapter(this, type, annotations));
    }
    if (type == Event.class) {
      return new Events(moshi.nextAdapter(this, type, annotations), moshi);
    }
    return null;
  }

  private static void writePrepared(JsonWriter writer, ByteString json) throws IOException {
    try (BufferedSink sink = writer.valueSink()) {
      sink.write(json);
    }
  }

  private static <T> ByteString written(JsonAdapter<T> adapter, T value) throws IOException {
    Buffer buffer = new Buffer();
    adapter.toJson(JsonWriter.of(buffer), value);
    return buffer.readByteString();
  }

  /** Adapters that write some values from prepared JSON and leave the rest, and all reading, to Moshi's. */
  private abstract static class Prepared<T> extends JsonAdapter<T> {
    final JsonAdapter<T> delegate;

    Prepared(JsonAdapter<T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public T fromJson(JsonReader reader) throws IOException {
      return delegate.fromJson(reader);
    }

    @Override
    public String toString() {
      return delegate + ".prepared()";
    }
  }

  /** A {@code stack_trace} list as the JSON of its frames, cached ones from the cache. */
  private final class FrameLists extends Prepared<List<StackFrame>> {
    private final JsonAdapter<StackFrame> frame;

    FrameLists(JsonAdapter<List<StackFrame>> delegate, JsonAdapter<StackFrame> frame) {
      super(delegate);
      this.frame = frame;
    }

    @Override
    public void toJson(JsonWriter writer, List<StackFrame> list) throws IOException {
      if (list == null) {
        delegate.toJson(writer, null);
        return;
      }
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeByte('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sink.writeByte(',');
          }
          sink.write(json(list.get(i)));
        }
        sink.writeByte(']');
      }
    }

    private ByteString json(StackFrame stackFrame) throws IOException {
      if (stackFrame == null) {
        return written(frame, null);
      }
      ByteString json = frames.json(stackFrame);
      if (json == null) {
        json = written(frame, stackFrame);
        frames.json(stackFrame, json);
      }
      return json;
    }
  }

  /** The catalog's modules (the same instances, in order) as their prepared JSON. */
  private final class Modules extends Prepared<List<Module>> {
    private volatile PreparedModules prepared;

    Modules(JsonAdapter<List<Module>> delegate) {
      super(delegate);
    }

    @Override
    public void toJson(JsonWriter writer, List<Module> list) throws IOException {
      List<Module> catalog = list != null ? modules.modules() : null;
      if (catalog == null || !sameInstances(list, catalog)) {
        delegate.toJson(writer, list);
        return;
      }
      PreparedModules json = prepared;
      if (json == null || json.modules != catalog) {
        json = new PreparedModules(catalog, written(delegate, catalog));
        prepared = json;
      }
      writePrepared(writer, json.json);
    }

    private boolean sameInstances(List<Module> list, List<Module> catalog) {
      if (list.size() != catalog.size()) {
        return false;
      }
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != catalog.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /** A modules list and its JSON. */
  private static final class PreparedModules {
    final List<Module> modules;
    final ByteString json;

    PreparedModules(List<Module> modules, ByteString json) {
      this.modules = modules;
      this.json = json;
    }
  }

  /** An environment the collector made, as its JSON written once and kept by the collector with its reading. */
  private final class Environments extends Prepared<EnvironmentInfo> {
    Environments(JsonAdapter<EnvironmentInfo> delegate) {
      super(delegate);
    }

    @Override
    public void toJson(JsonWriter writer, EnvironmentInfo info) throws IOException {
      if (info == null) {
        delegate.toJson(writer, null);
        return;
      }
      ByteString json = environment.json(info);
      if (json == null) {
        json = written(delegate, info);
        environment.json(info, json);
      }
      writePrepared(writer, json);
    }
  }

  /**
   * An event as Moshi's class adapter writes it: its fields by JSON name in alphabetical order, each with the
   * adapter Moshi has for its type (nulls left out by the writer), except the date, written by {@link Dates}.
   */
  private static final class Events extends Prepared<Event> {
    private final Map<String, Field> fields = new TreeMap<>();
    private final Map<String, JsonAdapter<Object>> adapters = new TreeMap<>();

    @SuppressWarnings("unchecked")
    Events(JsonAdapter<Event> delegate, Moshi moshi) {
      super(delegate);
      for (Field field : Event.class.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
          continue;
        }
        Json json = field.getAnnotation(Json.class);
        if (json != null && json.ignore()) {
          continue;
        }
        String name = json != null && !json.name().equals(Json.UNSET_NAME) ? json.name() : field.getName();
        field.setAccessible(true);
        fields.put(name, field);
        adapters.put(name, field.getType() == OffsetDateTime.class ? (JsonAdapter<Object>) (JsonAdapter<?>) new Dates()
            : moshi.adapter(field.getGenericType()));
      }
    }

    @Override
    public void toJson(JsonWriter writer, Event event) throws IOException {
      if (event == null) {
        delegate.toJson(writer, null);
        return;
      }
      writer.beginObject();
      for (Map.Entry<String, Field> field : fields.entrySet()) {
        Object value;
        try {
          value = field.getValue().get(event);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("Event field " + field.getKey() + " cannot be read", e);
        }
        writer.name(field.getKey());
        adapters.get(field.getKey()).toJson(writer, value);
      }
      writer.endObject();
    }
  }

  /**
   * A date as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it (the client's adapter): the date and time
   * to the second, formatted once per second and offset, then the fraction without trailing zeros, then the
   * offset's id ({@code Z} or {@code +01:00}).
   */
  private static final class Dates extends JsonAdapter<OffsetDateTime> {
    private volatile Second last;

    @Override
    public OffsetDateTime fromJson(JsonReader reader) {
      throw new UnsupportedOperationException("only writes");
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      if (value == null) {
        writer.nullValue();
        return;
      }
      long epochSecond = value.toEpochSecond();
      Second second = last;
      if (second == null || second.epochSecond != epochSecond || !second.offset.equals(value.getOffset())) {
        second = new Second(epochSecond, value.getOffset(),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value.toLocalDateTime().withNano(0)));
        last = second;
      }
      try (BufferedSink sink = writer.valueSink()) {
        sink.writeByte('"').writeUtf8(second.text);
        int nano = value.getNano();
        if (nano != 0) {
          int digits = 9;
          while (nano % 10 == 0) {
            nano /= 10;
            digits--;
          }
          sink.writeByte('.');
          for (int pad = digits - Integer.toString(nano).length(); pad > 0; pad--) {
            sink.writeByte('0');
          }
          sink.writeDecimalLong(nano);
        }
        sink.writeUtf8(value.getOffset().getId()).writeByte('"');
      }
    }
  }

  /** One second's date and time as text, for one offset. */
  private static final class Second {
    final long epochSecond;
    final ZoneOffset offset;
    final String text;

    Second(long epochSecond, ZoneOffset offset, String text) {
      this.epochSecond = epochSecond;
      this.offset = offset;
      this.text = text;
    }
  }
}
