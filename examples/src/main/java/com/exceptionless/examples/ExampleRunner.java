package com.exceptionless.examples;

import com.exceptionless.client.errors.ExceptionlessException;
import java.io.PrintStream;
import java.util.function.Function;

/** Runs an example and turns any failure into one line on stderr and exit code 1. */
final class ExampleRunner {
  interface Example {
    void run(ExampleTarget target, PrintStream out) throws Exception;
  }

  private ExampleRunner() {
  }

  static int run(Example example, Function<String, String> env, PrintStream out, PrintStream err) {
    try (ExampleTarget target = ExampleTarget.resolve(env, out)) {
      example.run(target, out);
      return 0;
    } catch (ExceptionlessException | IllegalArgumentException | IllegalStateException e) {
      err.println("Failed: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("Failed: " + e);
      return 1;
    }
  }

  static void main(Example example) {
    int code = run(example, System::getenv, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }
}
