package com.exceptionless.examples.springboot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application as its developer writes it: no code of the SDK's, only the starter on the class path and the
 * {@code exceptionless.*} properties.
 */
@SpringBootApplication
public class ShopApplication {
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  @RestController
  static class Orders {
    private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

    @GetMapping("/orders/{id}")
    String order(@PathVariable("id") String id) {
      LOG.info("Loading order {}", id);
      throw new IllegalStateException("Order " + id + " could not be loaded");
    }
  }
}
