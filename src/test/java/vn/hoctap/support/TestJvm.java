package vn.hoctap.support;

/**
 * Which of the suite's test JVMs this is (pom.xml runs each half in two): the system property hoctap.test.fork,
 * "jvm1" or "jvm2" (surefire's fork number behind a prefix, which Maven would otherwise resolve to nothing); "1"
 * outside Maven.
 */
public final class TestJvm {

  private TestJvm() {}

  /** "1", "2" … */
  public static String number() {
    String digits = System.getProperty("hoctap.test.fork", "").replaceAll("\\D", "");
    return digits.isEmpty() ? "1" : digits;
  }
}
