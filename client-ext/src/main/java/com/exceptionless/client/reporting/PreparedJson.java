package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Module;
import com.exceptionless.client.model.StackFrame;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Writes what repeats from event to event as JSON prepared once, each the bytes its Moshi adapter wrote the
 * first time: stack frames of the {@link FrameCache}, and the class path's {@code modules} list of the
 * {@link ModuleCatalog}. Anything else (a frame or a list a plugin made or changed) is written by the next
 * adapter, so the JSON is the same either way. Added to the reporter's own Moshi; reading is unchanged.
 * Thread-safe.
 */
final class PreparedJson implements JsonAdapter.Factory {
  private static final Type MODULES = Types.newParameterizedType(List.class, Module.class);

  private final FrameCache frames;
  private final ModuleCatalog modules;

  PreparedJson(FrameCache frames, ModuleCatalog modules) {
    this.frames = frames;
    this.modules = modules;
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == StackFrame.class) {
      return new Frames(moshi.nextAdapter(this, type, annotations));
    }
    if (Types.equals(type, MODULES)) {
      return new Modules(moshi.nextAdapter(this, type, annotations));
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

  /** A cached frame as its prepared JSON. */
  private final class Frames extends JsonAdapter<StackFrame> {
    private final JsonAdapter<StackFrame> delegate;

    Frames(JsonAdapter<StackFrame> delegate) {
      this.delegate = delegate;
    }

    @Override
    public StackFrame fromJson(JsonReader reader) throws IOException {
      return delegate.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, StackFrame frame) throws IOException {
      ByteString json = frame != null ? frames.json(frame) : null;
      if (json == null) {
        if (frame == null || !frames.holds(frame)) {
          delegate.toJson(writer, frame);
          return;
        }
        json = written(delegate, frame);
        frames.json(frame, json);
      }
      writePrepared(writer, json);
    }

    @Override
    public String toString() {
      return delegate + ".prepared()";
    }
  }

  /** The catalog's modules (the same instances, in order) as their prepared JSON. */
  private final class Modules extends JsonAdapter<List<Module>> {
    private final JsonAdapter<List<Module>> delegate;
    private volatile Prepared prepared;

    Modules(JsonAdapter<List<Module>> delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<Module> fromJson(JsonReader reader) throws IOException {
      return delegate.fromJson(reader);
    }

    @Override
    public void toJson(JsonWriter writer, List<Module> list) throws IOException {
      List<Module> catalog = list != null ? modules.modules() : null;
      if (catalog == null || !sameInstances(list, catalog)) {
        delegate.toJson(writer, list);
        return;
      }
      Prepared json = prepared;
      if (json == null || json.modules != catalog) {
        json = new Prepared(catalog, written(delegate, catalog));
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

    @Override
    public String toString() {
      return delegate + ".prepared()";
    }
  }

  /** A modules list and its JSON. */
  private static final class Prepared {
    final List<Module> modules;
    final ByteString json;

    Prepared(List<Module> modules, ByteString json) {
      this.modules = modules;
      this.json = json;
    }
  }
}
