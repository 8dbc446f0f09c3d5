package vn.hoctap.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Wrong passwords counted per client address, across accounts (the engine counts them per account): one address
 * trying many logins gets a growing wait, 1, 2, 4 … at most {@link #MAX_DELAY}, after {@link #FREE_FAILURES}
 * failures. The count is forgotten {@link #WINDOW} after the last failure; never a lasting lock. A generous
 * allowance, since an office behind one NAT address shares it. In memory per node, bounded in size.
 * Times come from the engine clock, as the engine's own delays do.
 */
class LoginAddressThrottle {

  static final int FREE_FAILURES = 20;
  static final Duration MAX_DELAY = Duration.ofSeconds(60);
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_ADDRESSES = 100_000;

  private record Failures(int count, Instant last, Instant blockedUntil) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** Whether this address must wait before its next login attempt (then the attempt is not even checked). */
  boolean blocked(String address) {
    Failures f = current(address, now());
    return f != null && f.blockedUntil() != null && f.blockedUntil().isAfter(now());
  }

  void failed(String address) {
    Instant now = now();
    if (failures.size() >= MAX_ADDRESSES) {
      failures.clear(); // a flood of addresses: forgetting is the safe side of a bounded memory
    }
    failures.compute(address, (a, old) -> {
      Failures f = current(old, now);
      int count = f == null ? 1 : f.count() + 1;
      Instant until = null;
      if (count > FREE_FAILURES) {
        long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(count - FREE_FAILURES - 1, 30));
        until = now.plusSeconds(seconds);
      }
      return new Failures(count, now, until);
    });
  }

  private Failures current(String address, Instant now) {
    return current(failures.get(address), now);
  }

  /** The record if still in force: not older than the window, and not from the future (a clock moved back). */
  private static Failures current(Failures f, Instant now) {
    if (f == null || f.last().isAfter(now.plus(MAX_DELAY)) || f.last().plus(WINDOW).isBefore(now)) {
      return null;
    }
    return f;
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
