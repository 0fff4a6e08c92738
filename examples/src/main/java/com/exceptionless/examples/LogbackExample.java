package com.exceptionless.examples;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.PrintStream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * SLF4J with Logback: {@code logback-example.xml} puts the Exceptionless appender on the root logger. Info lines
 * become breadcrumbs, a warning a log event, an error with its cause an error event carrying the info lines as
 * {@code @trace}; MDC entries become data, markers tags. Stopping Logback flushes the appender.
 */
public final class LogbackExample {
  private LogbackExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(LogbackExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) throws Exception {
    // An application would name its file logback.xml and leave this to Logback; the examples share one class path.
    System.setProperty("exceptionless.serverUrl", target.serverUrl);
    System.setProperty("exceptionless.apiKey", target.apiKey());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackExample.class.getResource("/logback-example.xml"));
    context.start();

    // README: logback
    Logger log = LoggerFactory.getLogger("com.acme.checkout.Checkout");
    MDC.put("orderId", "42");
    MDC.put("tenant", "acme");
    try {
      log.info("Cart priced at {} EUR", 99.5);
      log.warn(MarkerFactory.getMarker("payments"), "Payment provider answered in {} ms", 2300);
      log.error("Payment failed", new IllegalStateException("card declined", new java.io.IOException("gateway timed out")));
    } finally {
      MDC.clear();
    }
    // README: end

    context.stop(); // stops the appender, which flushes its reporter
    if (target.standIn != null) {
      for (ReceivedEvent event : target.standIn.awaitEvents(2, Duration.ofSeconds(5))) {
        out.println("The server received " + LoggedEvents.describe(event.json()));
      }
    }
  }
}
