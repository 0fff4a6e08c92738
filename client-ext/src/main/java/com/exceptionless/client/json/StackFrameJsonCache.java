package com.exceptionless.client.json;

import com.exceptionless.client.model.StackFrame;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;

/**
 * Writes stack frames from a cache of their JSON. The same frames appear in error after error (the same code
 * paths fail again), and writing them is most of the cost of serializing an error event; the cache makes a
 * repeated frame a copy of bytes. Reading is unchanged. Bounded (cleared past {@value #MAX_ENTRIES} frames)
 * and thread-safe.
 */
final class StackFrameJsonCache implements JsonAdapter.Factory {
  static final int MAX_ENTRIES = 10_000;

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (type != StackFrame.class || !annotations.isEmpty()) {
      return null;
    }
    JsonAdapter<StackFrame> delegate = moshi.nextAdapter(this, type, annotations);
    Map<StackFrame, ByteString> cache = new ConcurrentHashMap<>();
    return new JsonAdapter<StackFrame>() {
      @Override
      public StackFrame fromJson(JsonReader reader) throws IOException {
        return delegate.fromJson(reader);
      }

      @Override
      public void toJson(JsonWriter writer, StackFrame frame) throws IOException {
        if (frame == null) {
          writer.nullValue();
          return;
        }
        ByteString json = cache.get(frame);
        if (json == null) {
          Buffer buffer = new Buffer();
          delegate.toJson(JsonWriter.of(buffer), frame);
          json = buffer.readByteString();
          if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
          }
          cache.put(frame, json);
        }
        try (BufferedSink sink = writer.valueSink()) {
          sink.write(json);
        }
      }

      @Override
      public String toString() {
        return delegate + ".cachedJson()";
      }
    };
  }
}
