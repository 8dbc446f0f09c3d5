package vn.hoctap.engine;

import static vn.hoctap.common.Throwables.find;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import vn.hoctap.common.DatabaseUnavailable;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.HttpStatuses;
import vn.hoctap.common.Throwables;

/**
 * Maps errors of the Camunda REST API. Our own refusals (raised in listeners and delegates, which the engine
 * wraps) keep their status and message; a task another person completed or claimed first is a 409/404 that says
 * so; everything else is answered as Camunda would.
 */
@Provider
public class EngineRestErrors implements ExceptionMapper<Exception> {

  private static final String TASK_GONE = "Công việc không còn: có thể đã được người khác hoàn thành."
      + " Hãy tải lại danh sách công việc. (The task no longer exists: it may have been completed already.)";

  private static final String HANDLED_MEANWHILE = "Hồ sơ / công việc này vừa được người khác xử lý. Hãy tải lại"
      + " danh sách công việc để xem trạng thái mới. (This task was just handled by someone else: reload to see its"
      + " current state.)";

  private static final String NOT_FOUND = "Không tìm thấy: mã không tồn tại hoặc không thuộc phạm vi bạn được xem."
      + " (Not found.)";

  private final TaskService tasks;
  private final RuntimeService runtime;

  EngineRestErrors(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  @Override
  public Response toResponse(Exception exception) {
    DomainException domain = find(exception, DomainException.class);
    if (domain != null) {
      return body(HttpStatuses.of(domain.kind()), "DomainException", domain.fullMessage());
    }
    TrustBoundary.RefusedInput refusedInput = find(exception, TrustBoundary.RefusedInput.class);
    if (refusedInput != null) {
      return body(400, "InvalidRequestException", refusedInput.getMessage());
    }
    if (find(exception, OptimisticLockingException.class) != null) {
      return body(409, "OptimisticLockingException", HANDLED_MEANWHILE);
    }
    TaskAlreadyClaimedException claimed = find(exception, TaskAlreadyClaimedException.class);
    if (claimed != null) {
      return body(409, "TaskAlreadyClaimedException", "Công việc đã được người dùng \"" + claimed.getTaskAssignee()
          + "\" nhận xử lý. (The task is already claimed by another user.)");
    }
    NullValueException missing = find(exception, NullValueException.class);
    if (missing != null && String.valueOf(missing.getMessage()).contains("Cannot find task")) {
      return body(404, "TaskNotFound", TASK_GONE);
    }
    // A task or instance the user may not see is answered exactly like one that does not exist: no 403 that
    // confirms another province's ids. (This also covers the loser of a race: a completed task takes its
    // candidates' authorizations with it.)
    AuthorizationException denied = find(exception, AuthorizationException.class);
    if (denied != null && denied.getMissingAuthorizations().stream().anyMatch(this::invisibleTask)) {
      return body(404, "TaskNotFound", TASK_GONE);
    }
    if (denied != null && denied.getMissingAuthorizations().stream().anyMatch(this::invisibleInstance)) {
      return body(404, "NotFound", NOT_FOUND);
    }
    // an id that names nothing (the engine answers some of them with a 500)
    if (missing != null || find(exception, org.camunda.bpm.engine.exception.NotFoundException.class) != null) {
      return body(404, "NotFound", NOT_FOUND);
    }
    if (DatabaseUnavailable.is(exception)) {
      return Response.fromResponse(body(DatabaseUnavailable.STATUS, "DatabaseUnavailable", DatabaseUnavailable.MESSAGE))
          .header("Retry-After", DatabaseUnavailable.RETRY_AFTER).build();
    }
    String refused = Throwables.refusedValue(exception);
    if (refused != null) {
      return body(400, "InvalidRequestException", refused);
    }
    // ENGINE-17007: a variable the engine refuses to set (e.g. a Java-serialized object, which is prohibited) is
    // the client's mistake; Camunda answers it with a 500 from submit-form
    if (String.valueOf(exception.getMessage()).contains("ENGINE-17007")) {
      return body(400, "InvalidRequestException", "Giá trị gửi lên không hợp lệ: chỉ nhận chữ, số, ngày và đúng/sai."
          + " (Variable refused: serialized Java objects are not accepted.)");
    }
    if (exception instanceof RestException || exception instanceof org.camunda.bpm.engine.ProcessEngineException) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    if (exception instanceof jakarta.ws.rs.WebApplicationException web) {
      return web.getResponse();
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  /** A task the user cannot see in their own task queries (their authorization applies): foreign or gone. */
  private boolean invisibleTask(MissingAuthorization m) {
    return Resources.TASK.resourceName().equals(m.getResourceType()) && m.getResourceId() != null
        && !"*".equals(m.getResourceId()) && tasks.createTaskQuery().taskId(m.getResourceId()).count() == 0;
  }

  private boolean invisibleInstance(MissingAuthorization m) {
    return Resources.PROCESS_INSTANCE.resourceName().equals(m.getResourceType()) && m.getResourceId() != null
        && !"*".equals(m.getResourceId())
        && runtime.createProcessInstanceQuery().processInstanceId(m.getResourceId()).count() == 0;
  }

  private static Response body(int status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

}
