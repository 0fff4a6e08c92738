package com.exceptionless.spring.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A Boot application as users write it: controllers, Spring Security with HTTP Basic, nothing of the SDK's. */
@SpringBootApplication
public class TestApplication {
  static final String USER = "ada@example.com";
  static final String PASSWORD = "SECRETPASSWORD";

  @Bean
  @ConditionalOnWebApplication
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
  }

  /** Thrown by a handler and answered by an {@code @ExceptionHandler}. */
  static final class OutOfStockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStockException(String message) {
      super(message);
    }
  }

  @RestController
  static class Orders {
    private static final Logger LOG = LoggerFactory.getLogger("com.acme.shop.Checkout");

    @GetMapping("/orders/{id}")
    String order(@PathVariable("id") String id) {
      throw new IllegalStateException("order " + id + " could not be loaded");
    }

    @GetMapping("/handled")
    String handled() {
      throw new OutOfStockException("item 7 is out of stock");
    }

    @GetMapping("/async")
    java.util.concurrent.Callable<String> async() {
      return () -> {
        throw new IllegalArgumentException("async order could not be loaded");
      };
    }

    @GetMapping("/checkout")
    String checkout() {
      LOG.info("cart 7 priced");
      LOG.info("payment started");
      LOG.error("payment failed", new java.io.UncheckedIOException(new java.io.IOException("gateway timed out")));
      return "sorry";
    }

    @ExceptionHandler(OutOfStockException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String outOfStock(OutOfStockException e) {
      return e.getMessage();
    }
  }
}
