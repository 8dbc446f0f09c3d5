package vn.hoctap.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;
import vn.hoctap.common.Throwables;

/**
 * Two people complete the same task: the first one's commit ends the process instance (or the sub-process the task
 * was in) while the second, which had already read the task, goes on to its executions — which are gone. The
 * engine then fails with a NullPointerException in its own entities (TaskEntity completing on a missing execution,
 * ExecutionEntity loading a tree that is no longer there) instead of the OptimisticLockingException it throws when
 * the process goes on. Same race, same answer: this interceptor, inside the command context (so the transaction
 * is rolled back as for any failure), turns that NullPointerException of a task completion into an
 * OptimisticLockingException with a message for the person. Every caller then handles it as the conflict it is:
 * our error mappers (/engine-rest and our API) answer 409, and the Tasklist's own API, which Camunda's error handling
 * answers with a 500 for every engine exception, at least carries this message instead of a bare
 * NullPointerException. An NPE anywhere else, or thrown by our own code, is left alone: it is a bug, not a race.
 */
@Component
public class TaskRaceAsConflict extends AbstractProcessEnginePlugin {

  public static final String MESSAGE = "Công việc này vừa được người khác hoàn thành, hồ sơ đã sang bước khác."
      + " Hãy tải lại danh sách công việc. (This task was just completed by someone else: reload your task list.)";

  private static final String ENGINE_ENTITIES = ExecutionEntity.class.getPackageName() + ".";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }

  static final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        NullPointerException npe = Throwables.find(e, NullPointerException.class);
        if (npe != null && completesTask(command) && thrownByEngineEntity(npe)) {
          throw new OptimisticLockingException(MESSAGE, e);
        }
        throw e;
      }
    }

    private static boolean completesTask(Command<?> command) {
      return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    private static boolean thrownByEngineEntity(NullPointerException e) {
      StackTraceElement[] trace = e.getStackTrace();
      return trace.length > 0 && trace[0].getClassName().startsWith(ENGINE_ENTITIES);
    }
  }
}
