package vn.hoctap.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of processes/ and every form of forms/ in one deployment under stable names
 * ("processes/x.bpmn", "forms/y.form"). Unchanged resources are not deployed again, so a restart keeps the
 * running versions; the default auto-deployment would miss .form files.
 */
@Component
@Order(-20)
public class ProcessDeployer implements ApplicationRunner {

  static final String DEPLOYMENT_NAME = "hoctap";
  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

  private final RepositoryService repository;

  public ProcessDeployer(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    deploy();
  }

  public void deploy() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source("hoctap")
        .enableDuplicateFiltering(false);
    int count = 0;
    for (String pattern : new String[] {"classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
        "classpath*:forms/*.form"}) {
      Resource[] found = resolver.getResources(pattern);
      Arrays.sort(found, Comparator.comparing(Resource::getFilename));
      for (Resource r : found) {
        String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
        try (InputStream in = r.getInputStream()) {
          builder.addInputStream(folder + "/" + r.getFilename(), in);
        }
        count++;
      }
    }
    builder.deploy();
    LOG.info("Deployed {} process and form resources", count);
  }
}
