package vn.hoctap.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.HoctapApplication;

/**
 * The whole application in the benchmark's JVM, as it runs in production (profile demo, + postgres), on a random
 * port, with the job executor off (the benchmarks set the engine clock, as the tests do) and quiet logging.
 */
final class AppHost implements AutoCloseable {

  final ConfigurableApplicationContext context;
  final int port;
  final double startSeconds;

  private AppHost(ConfigurableApplicationContext context, double startSeconds) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.startSeconds = startSeconds;
  }

  static AppHost start(BenchDatabase db) {
    Map<String, Object> props = new LinkedHashMap<>(db.appProperties());
    props.put("server.port", "0");
    props.put("camunda.bpm.job-execution.enabled", "false");
    props.put("spring.main.banner-mode", "off");
    props.put("logging.level.root", "warn");
    props.put("logging.level.vn.hoctap", "warn");
    long t0 = System.nanoTime();
    // extra settings for a diagnostic run, e.g. -Dbench.appArgs=--logging.level.org.camunda.bpm.engine.impl.persistence.entity=debug
    for (String a : System.getProperty("bench.appArgs", "").split("\\s+")) {
      if (a.startsWith("--") && a.contains("=")) {
        props.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
      }
    }
    // as command-line arguments: they win over the profiles' own settings (e.g. the postgres profile's URL)
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext ctx = new SpringApplicationBuilder(HoctapApplication.class)
        .profiles(db.appProfiles().toArray(String[]::new)).run(args);
    return new AppHost(ctx, (System.nanoTime() - t0) / 1e9);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  ProcessEngine engine() {
    return bean(ProcessEngine.class);
  }

  DataSource dataSource() {
    return bean(DataSource.class);
  }

  JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource());
  }

  @Override
  public void close() {
    context.close();
  }
}
