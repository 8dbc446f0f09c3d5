package vn.hoctap.bench;

import org.junit.jupiter.api.Test;

/**
 * The entry point of `mvn -Pbench verify` (see pom.xml, profile bench): not a test (its name matches none of
 * surefire's default includes, so `mvn verify` never runs it) and it asserts nothing; it runs
 * {@link BenchmarkSuite}, which prints the table and writes target/bench/results.json.
 */
class ProvinceBenchmark {

  @Test
  void run() throws Exception {
    new BenchmarkSuite(BenchSettings.fromSystemProperties()).run();
  }
}
