package vn.hoctap.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The suite runs twice (see pom.xml): on embedded H2 and on the PostgreSQL server at 127.0.0.1:5432, chosen by
 * the system property hoctap.test.db (h2 or postgres).
 */
public class TestProfiles implements ActiveProfilesResolver {

  public static boolean postgres() {
    return "postgres".equals(System.getProperty("hoctap.test.db"));
  }

  @Override
  public String[] resolve(Class<?> testClass) {
    return postgres() ? new String[] {"test", "demo", "postgres", "pgtest"} : new String[] {"test", "demo"};
  }
}
