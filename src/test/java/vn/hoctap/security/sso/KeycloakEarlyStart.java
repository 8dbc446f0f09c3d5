package vn.hoctap.security.sso;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Launches the test Keycloak at the very start of a run that holds a single sign-on test, so that its start (one to
 * two minutes) overlaps the other tests instead of delaying the first single sign-on test. Registered through
 * META-INF/services; does nothing for runs without such a test.
 */
public class KeycloakEarlyStart implements TestExecutionListener {

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    try {
      for (TestIdentifier root : plan.getRoots()) {
        if (plan.getDescendants(root).stream().anyMatch(KeycloakEarlyStart::ssoTest)) {
          KeycloakServer.start();
          return;
        }
      }
    } catch (RuntimeException | LinkageError e) {
      // the first single sign-on test starts it (or says why it cannot)
    }
  }

  private static boolean ssoTest(TestIdentifier id) {
    return id.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
        .map(s -> AnnotatedElementUtils.hasAnnotation(s.getJavaClass(), SsoTest.class)).orElse(false);
  }
}
