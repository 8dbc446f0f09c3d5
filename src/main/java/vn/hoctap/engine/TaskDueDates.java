package vn.hoctap.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process gets its due date (hạn xử lý) from hoctap's deadline data, the same way: when
 * the model is parsed, a user task without a {@code camunda:dueDate} of its own is given the due-date expression
 * {@value #EXPRESSION_BEAN}.dueDate(execution, '&lt;task id&gt;'), which the engine evaluates as it creates the task
 * — before the task and its history row are written, exactly as if the attribute stood in the BPMN file. The
 * Tasklist, Cockpit and hoctap's inbox then read the one stored {@code DUE_DATE_}. The models stay untouched; a
 * task added to a model later gets its due date too.
 */
@Component
public class TaskDueDates extends AbstractProcessEnginePlugin {

  /** The Spring bean that knows the deadline behind each task (process/TaskDeadlines). */
  public static final String EXPRESSION_BEAN = "taskDeadlines";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
          return;
        }
        TaskDefinition definition = behavior.getTaskDefinition();
        if (definition.getDueDateExpression() == null && activity.getId().matches("[A-Za-z0-9_]+")) {
          definition.setDueDateExpression(configuration.getExpressionManager().createExpression("${"
              + EXPRESSION_BEAN + ".dueDate(execution, '" + activity.getId() + "')}"));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
