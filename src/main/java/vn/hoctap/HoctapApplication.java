package vn.hoctap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HoctapApplication {
  public static void main(String[] args) {
    SpringApplication.run(HoctapApplication.class, args);
  }
}
