package vn.hoctap;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.hoctap.security.UnlockUserCommand;

@SpringBootApplication
public class HoctapApplication {
  public static void main(String[] args) {
    if (UnlockUserCommand.requested(args)) {
      // an operator's command (--hoctap.unlock-user=<id>): the engine without web server or job executor, then exit
      SpringApplication app = new SpringApplication(HoctapApplication.class);
      app.setWebApplicationType(WebApplicationType.NONE);
      String[] all = Stream.concat(Arrays.stream(args), Stream.of("--camunda.bpm.job-execution.enabled=false"))
          .toArray(String[]::new);
      System.exit(SpringApplication.exit(app.run(all)));
    }
    SpringApplication.run(HoctapApplication.class, args);
  }
}
