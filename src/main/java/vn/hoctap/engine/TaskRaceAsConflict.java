package vn.hoctap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two people complete the same task: the first one's commit ends the process instance (or the sub-process the task
 * was in) while the second, which had already read the task, goes on with executions and variables that are gone.
 * The engine then fails wherever the second command first meets what is missing — a NullPointerException in its
 * entities (TaskEntity completing on a missing execution, ExecutionEntity loading a tree that is no longer there),
 * or one of our listeners not finding the dossier's variable — instead of the OptimisticLockingException it throws
 * when the process goes on. Same race, same answer: when a task completion or form submission fails and the task
 * it had read is no longer in the database, this interceptor, inside the command context (the transaction is
 * rolled back as for any failure), turns the failure into an OptimisticLockingException with a message for the
 * person. Our error mappers (/engine-rest and our API) answer it with 409; the Tasklist's own API, which Camunda's
 * error handling answers with a 500 for every engine exception, at least carries this message. Any other failure is
 * left as it is.
 */
@Component
public class TaskRaceAsConflict extends AbstractProcessEnginePlugin {

  public static final String MESSAGE = "Công việc này vừa được người khác hoàn thành, hồ sơ đã sang bước khác."
      + " Hãy tải lại danh sách công việc. (This task was just completed by someone else: reload your task list.)";

  public static final String BUSY = "Hồ sơ đang được người khác xử lý cùng lúc nên bước này chưa được lưu. Hãy tải"
      + " lại trang để xem hồ sơ hiện ở bước nào rồi làm lại nếu vẫn cần.";

  /** Cache states of an entity read from the database (not created by the command itself). */
  private static final Set<DbEntityState> READ = Set.of(DbEntityState.PERSISTENT, DbEntityState.DELETED_PERSISTENT);

  private final JdbcTemplate jdbc;

  TaskRaceAsConflict(@Lazy JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }

  final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) && readTaskGone()) {
          throw new OptimisticLockingException(MESSAGE, e);
        }
        // the dossier's row lock waited out behind another decision on the same dossier (a long transaction, e.g.
        // one that signs its documents): the same race, told as a conflict, nothing saved
        if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
            && vn.hoctap.common.Throwables.find(e,
                org.springframework.dao.PessimisticLockingFailureException.class) != null) {
          throw new OptimisticLockingException(BUSY, e);
        }
        throw e;
      }
    }
  }

  /**
   * Whether a task this command read from the database has been deleted meanwhile by another transaction's commit.
   * A fresh statement on the command's own connection (read committed on both databases) sees that commit; the
   * command's own deletions are not flushed yet, so they do not count.
   */
  private boolean readTaskGone() {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return false;
    }
    try {
      for (CachedDbEntity cached : context.getDbEntityManager().getDbEntityCache().getCachedEntities()) {
        if (cached.getEntity() instanceof TaskEntity task && READ.contains(cached.getEntityState())
            && jdbc.queryForObject("select count(*) from ACT_RU_TASK where ID_ = ?", Long.class, task.getId()) == 0) {
          return true;
        }
      }
    } catch (RuntimeException unusable) {
      // the transaction can no longer run a statement (e.g. PostgreSQL after a failed one): report the failure as is
    }
    return false;
  }
}
