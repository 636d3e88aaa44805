package com.example.payments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PaymentsApplication {
  @Value("${STRIPE_API_KEY}")
  private String stripeKey;

  private final String region = System.getenv("PAYMENTS_REGION");

  public static void main(String[] args) {
    SpringApplication.run(PaymentsApplication.class, args);
  }
}
