package vn.hoctap.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.JobFailureCollector;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.org.Groups;

/**
 * hoctap's trust boundary in front of the engine (ARCHITECTURE.md principle 7). Whatever door a command comes
 * through — the Camunda REST API, the webapps' own REST, our pages and API — a user who is not an administrator
 * may only do what their step allows:
 * <ul>
 *   <li>complete a task (or submit its form) with the fields of that task's form and nothing else: routing,
 *       outcomes of other steps and ids cannot be smuggled in;</li>
 *   <li>start only the processes open to everyone (CamundaSetup), plainly: no start instructions, no skipped
 *       listeners or mappings, no business key of their choice, only the start form's fields;</li>
 *   <li>claim a task, and hand back the one they hold;</li>
 *   <li>never resolve or delegate a task, write or remove variables, change candidates or owners, modify,
 *       restart or migrate instances, correlate messages or signals, or touch jobs and external tasks.</li>
 * </ul>
 * A refusal answers 400 (a field the step does not have) or 403 (an operation that is not theirs), in
 * Vietnamese, before anything is written, and is audited. Commands without a logged-in user (jobs, start-up,
 * the internal processes our services start as the system) or with authorization checks switched off (our
 * system look-ups), and commands nested in another, are not checks of a client's request.
 */
@Component
public class TrustBoundary extends AbstractProcessEnginePlugin {

  /** Operations no ordinary user needs; administrators keep them (Cockpit, Admin). */
  private static final List<Class<?>> ADMIN_ONLY = List.of(ResolveTaskCmd.class, DelegateTaskCmd.class,
      AbstractVariableCmd.class, AbstractPatchVariablesCmd.class, AbstractAddIdentityLinkCmd.class,
      DeleteIdentityLinkCmd.class, AbstractSetTaskPropertyCmd.class, SaveTaskCmd.class,
      StartProcessInstanceAtActivitiesCmd.class, ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class,
      ProcessInstanceModificationBatchCmd.class, AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class,
      AbstractCorrelateMessageCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class,
      SignalCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class, SetJobRetriesCmd.class,
      AbstractSetJobsRetriesBatchCmd.class, ExecuteJobsCmd.class, DeleteJobCmd.class, SetJobDuedateCmd.class,
      RecalculateJobDuedateCmd.class, SetJobPriorityCmd.class, UnlockJobCmd.class, AbstractSetJobStateCmd.class,
      AbstractSetJobDefinitionStateCmd.class, SetJobDefinitionPriorityCmd.class, HistoryCleanupCmd.class,
      ExternalTaskCmd.class, FetchExternalTasksCmd.class, AbstractSetExternalTaskRetriesCmd.class,
      CreateIncidentCmd.class, ResolveIncidentCmd.class, SetAnnotationForIncidentCmd.class, DeleteMetricsCmd.class,
      DeleteTaskMetricsCmd.class);

  private static final String START = "Chỉ có thể bắt đầu hồ sơ \"Đơn vị học tập\" hoặc \"Cộng đồng học tập\" từ"
      + " đầu, qua biểu mẫu đề nghị; các quy trình khác do hệ thống tự bắt đầu. (Only the plain start of a"
      + " recognition dossier through its start form is allowed.)";

  private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
  private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
  private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
  private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
  private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
  private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
  private static final Field START_FORM_KEY = field(SubmitStartFormCmd.class, "businessKey");
  private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");
  private static final Field ASSIGN_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field FAILED_JOB = field(FailedJobListener.class, "jobFailureCollector");

  private final FormFields forms;
  private final AuditLog audit;
  /** How deep the current thread is in engine commands: only the outermost one is a request to check. */
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  TrustBoundary(FormFields forms, @Lazy AuditLog audit) {
    this.forms = forms;
    this.audit = audit;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> post = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    post.add(0, new Interceptor());
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }

  final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] level = depth.get();
      level[0]++;
      try {
        if (level[0] == 1) {
          if (refusedJob(command)) {
            return null; // a refused "execute job" is not a failure of the job: its retries and due date stay
          }
          check(command, Context.getCommandContext());
        }
        return next.execute(command);
      } finally {
        if (--level[0] == 0) {
          depth.remove();
        }
      }
    }
  }

  private void check(Command<?> command, CommandContext ctx) {
    Authentication user = ctx.getAuthentication();
    if (user == null || user.getUserId() == null || !ctx.isAuthorizationCheckEnabled() || admin(user)) {
      return;
    }
    if (command instanceof AssignTaskCmd) {
      // an identity-link command too: handing one's own task back (or claiming it) is fine, passing it on is not
      String to = (String) read(ASSIGN_USER, command);
      if (to != null && !to.equals(user.getUserId())) {
        refuse(user, "giao việc cho người khác", "Chỉ quản trị viên mới giao được công việc cho người khác; bạn có"
            + " thể nhận việc hoặc trả việc về nhóm. (Only administrators may assign a task to someone else.)");
      }
      return;
    }
    for (Class<?> kind : ADMIN_ONLY) {
      if (kind.isInstance(command)) {
        refuse(user, command.getClass().getSimpleName(), kind == StartProcessInstanceAtActivitiesCmd.class ? START
            : "Thao tác này chỉ dành cho quản trị viên: trong hoctap, mỗi người chỉ làm đúng bước của mình qua biểu"
                + " mẫu của bước đó. (This operation is for administrators only.)");
      }
    }
    if (command instanceof CompleteTaskCmd) {
      checkTaskInput(ctx, user, (String) read(COMPLETE_TASK, command), map(read(COMPLETE_VARIABLES, command)));
    } else if (command instanceof SubmitTaskFormCmd) {
      checkTaskInput(ctx, user, (String) read(SUBMIT_TASK, command), map(read(SUBMIT_VARIABLES, command)));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl b = (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
      boolean plain = b.getModificationBuilder() == null
          || (b.getModificationBuilder().getModificationOperations().isEmpty()
              && !b.getModificationBuilder().isSkipCustomListeners() && !b.getModificationBuilder().isSkipIoMappings());
      ProcessDefinitionEntity definition = b.getProcessDefinitionKey() == null
          ? ctx.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(b.getProcessDefinitionId())
          : ctx.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedLatestProcessDefinitionByKey(b.getProcessDefinitionKey());
      checkStart(user, definition, plain && b.getRestartedProcessInstanceId() == null, b.getBusinessKey(),
          b.getVariables(), false);
    } else if (command instanceof SubmitStartFormCmd) {
      checkStart(user, ctx.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById((String) read(START_FORM_DEFINITION, command)), true,
          (String) read(START_FORM_KEY, command), map(read(START_FORM_VARIABLES, command)), true);
    }
  }

  /** The engine's failed-job listener after a job execution this boundary refused. */
  private static boolean refusedJob(Command<?> command) {
    return command instanceof FailedJobListener
        && ((JobFailureCollector) read(FAILED_JOB, command)).getFailure() instanceof Refused;
  }

  private void checkTaskInput(CommandContext ctx, Authentication user, String taskId, Map<String, ?> variables) {
    if (taskId == null || variables == null || variables.isEmpty()) {
      return;
    }
    TaskEntity task = ctx.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return; // the command itself says the task is gone
    }
    task.initializeFormKey();
    CamundaFormRef ref = task.getCamundaFormRef();
    Set<String> extra = new TreeSet<>(variables.keySet());
    Set<String> fields = forms.of(ref == null ? null : ref.getKey());
    extra.removeAll(fields);
    // fields a form generates per dossier (the council's verdict on each indicator): those the step itself prefilled
    String generated = FormFields.generatedPrefix(fields);
    if (generated != null) {
      extra.removeIf(k -> k.startsWith(generated) && task.hasVariable(k));
    }
    if (!extra.isEmpty()) {
      refuseInput(user, "task " + taskId, "Bước \"" + task.getName() + "\" chỉ nhận các ô của biểu mẫu của bước"
          + " này; không nhận: " + String.join(", ", extra) + ". Chưa lưu gì. (Only the fields of this step's form"
          + " are accepted.)");
    }
  }

  /**
   * A start refused for its business key or variables answers 400 through a start form; a plain start (REST
   * "start") answers it 403, the only refusal the REST resources answer with other than a 500 there.
   */
  private void checkStart(Authentication user, ProcessDefinitionEntity definition, boolean plain,
      String businessKey, Map<String, ?> variables, boolean throughForm) {
    if (definition == null) {
      return; // the command itself says the definition does not exist
    }
    if (!CamundaSetup.startable(definition.getKey()) || !plain) {
      refuse(user, "start " + definition.getKey(), START);
    }
    if (businessKey != null && !businessKey.isBlank()) {
      refuseStart(throughForm, user, "start " + definition.getKey(), "Mã hồ sơ do hệ thống cấp, không gửi kèm khi"
          + " đề nghị. Chưa lưu gì. (The business key is set by the system.)");
    }
    FormDefinition startForm = definition.getStartFormDefinition();
    String formId = startForm == null || startForm.getCamundaFormDefinitionKey() == null ? null
        : startForm.getCamundaFormDefinitionKey().getExpressionText();
    Set<String> extra = new TreeSet<>(variables == null ? Set.of() : variables.keySet());
    extra.removeAll(forms.of(formId));
    if (!extra.isEmpty()) {
      refuseStart(throughForm, user, "start " + definition.getKey(), "Đề nghị công nhận chỉ nhận các ô của biểu mẫu"
          + " đề nghị; không nhận: " + String.join(", ", extra) + ". Chưa lưu gì. (Only the start form's fields are"
          + " accepted.)");
    }
  }

  private static boolean admin(Authentication user) {
    List<String> groups = user.getGroupIds();
    return groups != null && (groups.contains(Groups.ADMIN) || groups.contains(Groups.CAMUNDA_ADMIN));
  }

  private void refuse(Authentication user, String what, String message) {
    audit.refused(user.getUserId(), what, message);
    throw new Refused(message);
  }

  /** An operation this boundary refused (403). */
  public static final class Refused extends AuthorizationException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private void refuseStart(boolean throughForm, Authentication user, String what, String message) {
    if (throughForm) {
      refuseInput(user, what, message);
    }
    refuse(user, what, message);
  }

  private void refuseInput(Authentication user, String what, String message) {
    audit.refused(user.getUserId(), what, message);
    throw new RefusedInput(message);
  }

  /**
   * A field or business key the step does not take. A form validation failure for the engine's REST resources
   * (engine-rest and the webapps' own API alike), which answer it 400 with its message; they answer any other
   * engine exception from submit-form, complete and start, BadUserRequestException included, with a 500.
   */
  public static final class RefusedInput extends FormFieldValidationException {
    private static final long serialVersionUID = 1L;

    RefusedInput(String message) {
      super(null, message);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object variables) {
    return (Map<String, ?>) variables;
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed " + type.getName() + ": the trust boundary cannot read "
          + name, e);
    }
  }

  private static Object read(Field f, Object command) {
    try {
      return f.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
