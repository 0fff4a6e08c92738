package com.exceptionless.examples;

import com.exceptionless.testkit.ReceivedEvent;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Log4j2: {@code log4j2-example.xml} puts the {@code Exceptionless} appender on the root logger. Info lines become
 * breadcrumbs, a warning a log event, an error with its cause an error event carrying the info lines as
 * {@code @trace}; ThreadContext entries become data, markers tags. Shutting Log4j down flushes the appender.
 */
public final class Log4j2Example {
  private Log4j2Example() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(Log4j2Example::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    // An application would name its file log4j2.xml and leave this to Log4j; the examples share one class path.
    System.setProperty("exceptionless.serverUrl", target.serverUrl);
    System.setProperty("exceptionless.apiKey", target.apiKey());
    LoggerContext context = Configurator.initialize("log4j2-example", "classpath:log4j2-example.xml");

    // README: log4j2
    Logger log = LogManager.getLogger("com.acme.checkout.Checkout");
    ThreadContext.put("orderId", "42");
    ThreadContext.put("tenant", "acme");
    try {
      log.info("Cart priced at {} EUR", 99.5);
      log.warn(MarkerManager.getMarker("payments"), "Payment provider answered in {} ms", 2300);
      log.error("Payment failed", new IllegalStateException("card declined", new java.io.IOException("gateway timed out")));
    } finally {
      ThreadContext.clearMap();
    }
    // README: end

    Configurator.shutdown(context); // stops the appender, which flushes its reporter
    if (target.standIn != null) {
      for (ReceivedEvent event : target.standIn.awaitEvents(2, Duration.ofSeconds(5))) {
        out.println("The server received " + LoggedEvents.describe(event.json()));
      }
    }
  }
}
