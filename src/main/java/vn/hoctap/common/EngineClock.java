package vn.hoctap.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the application: the engine's. Deadlines, timers and our records must agree on "now", and
 * process tests move the engine clock to reach 15/01 without waiting a year.
 */
@Component
public class EngineClock {

  /** Vietnam's legal time: deadlines such as 15/01 are calendar days there. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  public Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }
}
