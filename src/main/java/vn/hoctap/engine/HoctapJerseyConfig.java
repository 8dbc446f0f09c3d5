package vn.hoctap.engine;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The Camunda REST API as the starter configures it, with one change: its two generic exception mappers are
 * replaced by {@link EngineRestErrors}, so that our refusals and lost races answer 4xx with a message that says
 * what to do instead of a 500.
 */
@Component
public class HoctapJerseyConfig extends CamundaJerseyResourceConfig {

  private final TaskService tasks;
  private final RuntimeService runtime;

  public HoctapJerseyConfig(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
    configuration.remove(RestExceptionHandler.class);
    configuration.remove(ProcessEngineExceptionHandler.class);
    registerClasses(configuration);
    register(JacksonFeature.class);
    register(new EngineRestErrors(tasks, runtime));
  }
}
