package vn.hoctap.report;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * The reporting task in hoctap's pages (/bao-cao/viec/{task}): which report is due, to whom and by when, the body's
 * yearly report to download and check, and "sent" with the number and date of the letter; and the reports a body
 * has sent or received (/bao-cao/da-nhan) with the report as it was attached.
 */
@Page
class ReportTaskPages {

  private final TaskService tasks;
  private final FormService forms;
  private final HistoryService history;
  private final EngineQueries engine;
  private final ReportReminders reminders;
  private final ReportsSent sent;
  private final DossierAccess access;

  ReportTaskPages(TaskService tasks, FormService forms, HistoryService history, EngineQueries engine,
      ReportReminders reminders, ReportsSent sent, DossierAccess access) {
    this.tasks = tasks;
    this.forms = forms;
    this.history = history;
    this.engine = engine;
    this.reminders = reminders;
    this.sent = sent;
    this.access = access;
  }

  /** The open reporting task the user may do, or "not found" as if it did not exist. */
  private Task task(CurrentUser user, String taskId) {
    Task t = engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
    if (t == null || !ReportReminders.TASK_SUBMIT_REPORT.equals(t.getTaskDefinitionKey()) || !mayWork(user, t)) {
      throw DomainException.notFound("Không tìm thấy công việc này, hoặc công việc đã được xử lý.");
    }
    return t;
  }

  private boolean mayWork(CurrentUser user, Task t) {
    if (user.id().equals(t.getAssignee())) {
      return true;
    }
    List<IdentityLink> links = engine.asSystem(() -> tasks.getIdentityLinksForTask(t.getId()));
    return links.stream().anyMatch(l -> (l.getGroupId() != null && user.groups().contains(l.getGroupId()))
        || user.id().equals(l.getUserId()));
  }

  @GetMapping("/bao-cao/viec/{taskId}")
  String show(@PathVariable String taskId, Model model) {
    CurrentUser user = CurrentUser.get();
    HistoricTaskInstance done = engine.asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .finished().singleResult());
    if (done != null && ReportReminders.TASK_SUBMIT_REPORT.equals(done.getTaskDefinitionKey())) {
      String key = engine.asSystem(() -> history.createHistoricProcessInstanceQuery()
          .processInstanceId(done.getProcessInstanceId()).singleResult().getBusinessKey());
      ReportsSent.Sent s = sent.byKey(key).orElse(null);
      if (s != null && mayRead(user, s)) {
        model.addAttribute("sent", s);
        model.addAttribute("name", done.getName());
        return "report/viec-bao-cao";
      }
    }
    return render(task(user, taskId), "", Map.of(), model);
  }

  private String render(Task t, String note, Map<String, String> problems, Model model) {
    Map<String, Object> vars = engine.asSystem(() -> tasks.getVariables(t.getId()));
    ReportReminders.Target target = engine.asSystem(() -> reminders.target(
        name -> vars.get(name), businessKey(t)));
    model.addAttribute("task", t);
    model.addAttribute("name", t.getName());
    model.addAttribute("info", reminders.describe(target));
    model.addAttribute("target", target);
    model.addAttribute("note", note);
    model.addAttribute("problems", problems);
    return "report/viec-bao-cao";
  }

  private String businessKey(Task t) {
    return engine.asSystem(() -> history.createHistoricProcessInstanceQuery().processInstanceId(
        t.getProcessInstanceId()).singleResult().getBusinessKey());
  }

  @PostMapping("/bao-cao/viec/{taskId}")
  String submit(@PathVariable String taskId, @RequestParam(defaultValue = "false") boolean reportSent,
      @RequestParam(defaultValue = "") String reportNote, Model model, RedirectAttributes flash,
      HttpServletResponse response) {
    CurrentUser user = CurrentUser.get();
    Task t = task(user, taskId);
    if (t.getAssignee() != null && !t.getAssignee().equals(user.id())) {
      response.setStatus(409);
      model.addAttribute("formError", "Công việc này đang do cán bộ khác xử lý. Chưa có gì được lưu.");
      return render(t, reportNote, Map.of(), model);
    }
    Map<String, String> problems = new java.util.LinkedHashMap<>();
    if (!reportSent) {
      problems.put("reportSent", "Hãy đánh dấu khi báo cáo đã được ký và gửi; nếu chưa gửi, để việc này lại.");
    }
    if (reportNote.strip().isEmpty()) {
      problems.put("reportNote", "Cần ghi số và ngày của văn bản gửi báo cáo (ví dụ: Số 12/BC-PGDĐT ngày"
          + " 10/03/2027).");
    } else if (reportNote.strip().length() > 2000) {
      problems.put("reportNote", "Dài quá 2000 ký tự: hãy ghi số và ngày của văn bản.");
    }
    if (!problems.isEmpty()) {
      response.setStatus(400);
      model.addAttribute("formError", "Chưa ghi nhận được việc gửi báo cáo.");
      return render(t, reportNote, problems, model);
    }
    boolean claimed = false;
    try {
      if (t.getAssignee() == null) {
        tasks.claim(t.getId(), user.id());
        claimed = true;
      }
      forms.submitTaskForm(t.getId(), Map.of("reportSent", true, "reportNote", reportNote.strip()));
    } catch (RuntimeException e) {
      if (claimed) {
        try {
          tasks.setAssignee(t.getId(), null);
        } catch (RuntimeException ignored) {
          // the task is gone or taken: the page below says so
        }
      }
      DomainException refusal = vn.hoctap.common.Throwables.find(e, DomainException.class);
      response.setStatus(refusal != null ? 400 : 409);
      model.addAttribute("formError", refusal != null ? refusal.getMessage()
          : "Chưa ghi nhận được: công việc vừa được người khác xử lý hoặc thay đổi. Hãy xem lại danh sách việc.");
      return render(t, reportNote, Map.of(), model);
    }
    flash.addFlashAttribute("ok", "Đã ghi nhận báo cáo đã gửi; cơ quan nhận đã được thông báo.");
    return "redirect:/bao-cao/viec/" + taskId;
  }

  private boolean mayRead(CurrentUser user, ReportsSent.Sent s) {
    return user.admin() || sent.visible(access.visiblePaths(user)).stream().anyMatch(x -> x.id() == s.id());
  }

  @GetMapping("/bao-cao/da-nhan")
  String received(Model model) {
    CurrentUser user = CurrentUser.get();
    model.addAttribute("reports", sent.visible(user.admin() ? null : access.visiblePaths(user)));
    return "report/bao-cao-da-nhan";
  }

  @GetMapping("/bao-cao/da-gui/{id}.xlsx")
  ResponseEntity<byte[]> file(@PathVariable long id) {
    CurrentUser user = CurrentUser.get();
    ReportsSent.Sent s = sent.visible(user.admin() ? null : access.visiblePaths(user)).stream()
        .filter(x -> x.id() == id).findFirst()
        .orElseThrow(() -> DomainException.notFound("Không tìm thấy báo cáo này trong phạm vi bạn được xem."));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(s.fileName()).build()
            .toString())
        .body(sent.content(id));
  }
}
