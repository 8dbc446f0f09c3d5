package vn.hoctap.award;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
import vn.hoctap.common.EngineClock;
import vn.hoctap.common.Throwables;
import vn.hoctap.document.IssuedDocuments;
import vn.hoctap.document.Nd30;
import vn.hoctap.document.ProposalDocuments;
import vn.hoctap.dossier.StepForm;
import vn.hoctap.dossier.StepForms;
import vn.hoctap.dossier.UploadRules;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;
import vn.hoctap.web.PersonNames;

/**
 * "Khen thưởng": the proposal lists of the user's bodies (/khen-thuong) and the one place of a proposal list
 * (/khen-thuong/{id}): who proposes whom for what, each candidate's eligibility with its reasons, the councils'
 * meetings (the secretary follows the votes as they come), the step the user has to do now in the same form the
 * dossier pages use (a council member's vote, the secretary's minutes, the signer's decision), the files, the
 * decision and the history in words. Completing a form completes the engine's task as the user; a refusal comes
 * back next to its field with everything typed kept.
 */
@Page
class ProposalPages {

  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** A row of the list of proposals. */
  record Row(long id, String proposer, String form, String movement, String period, String createdAt,
      String status) {}

  /** An open task of a candidate of the list. */
  record OpenTask(Task task, Long candidateId, String candidate) {}

  /** The form of the step the user does now. */
  record StepView(String taskId, String taskKey, Long candidateId, String name, String candidate,
      List<StepForms.Shown> fields, List<String> problems, String message) {}

  /** Another step of the user on this list, to open instead. */
  record TaskLink(String taskId, String label) {}

  /** A council's meeting on a candidate, in words. */
  record ReviewView(String body, String result, String votes, String rule, String minutes, boolean open) {}

  /** A candidate with the state of its council. */
  record CandidateView(AwardViews.Candidate c, List<ReviewView> reviews, CouncilService.Count count,
      boolean fullCount, String myVote) {}

  record HistoryLine(String at, String who, String sentence, String details, String comment) {}

  record FileView(long id, String kind, String name, String size, String uploader, String at) {}

  record DecisionView(long id, String no, String date, String signer, int awards) {}

  private final AwardService awards;
  private final CouncilService council;
  private final CandidatePicker picker;
  private final ProposalExports exports;
  private final ProposalDocuments submissions;
  private final StepForms forms;
  private final EngineQueries engine;
  private final TaskService tasks;
  private final FormService formService;
  private final HistoryService history;
  private final PersonNames names;
  private final AwardRouting routing;

  ProposalPages(AwardService awards, CouncilService council, CandidatePicker picker, ProposalExports exports,
      ProposalDocuments submissions,
      StepForms forms, EngineQueries engine, TaskService tasks, FormService formService, HistoryService history,
      PersonNames names, AwardRouting routing) {
    this.routing = routing;
    this.awards = awards;
    this.council = council;
    this.picker = picker;
    this.exports = exports;
    this.submissions = submissions;
    this.forms = forms;
    this.engine = engine;
    this.tasks = tasks;
    this.formService = formService;
    this.history = history;
    this.names = names;
  }

  @GetMapping("/khen-thuong")
  String list(Model model) {
    CurrentUser user = CurrentUser.get();
    List<Map<String, Object>> rows = awards.proposals(user);
    Map<Long, String> statuses = awards.statusWords(rows.stream().map(r -> ((Number) r.get("id")).longValue())
        .toList());
    model.addAttribute("rows", rows.stream().map(r -> {
      long id = ((Number) r.get("id")).longValue();
      return new Row(id, (String) r.get("proposer"), AwardForm.valueOf((String) r.get("form")).label(),
          (String) r.get("movement"), PeriodKind.valueOf((String) r.get("period_kind")).label() + " "
              + r.get("period_year"), at(((java.sql.Timestamp) r.get("created_at")).toInstant()),
          statuses.getOrDefault(id, ""));
    }).toList());
    model.addAttribute("canPropose", !picker.bodies(user).isEmpty());
    return "khen-thuong/danh-sach";
  }

  @GetMapping("/khen-thuong/{id}")
  String proposal(@PathVariable long id, @RequestParam(name = "viec", required = false) String taskId,
      @RequestParam(name = "da-lap", required = false) String created, Model model) {
    AwardViews.Proposal p = awards.proposal(id, CurrentUser.get());
    if (created != null && !model.containsAttribute("done")) {
      model.addAttribute("done", "Đã lập danh sách đề nghị khen thưởng số " + id + " (" + p.candidates().size()
          + " người, tập thể) và gửi xét: hệ thống đã kiểm tra điều kiện từng người, Hội đồng Thi đua - Khen"
          + " thưởng đã được triệu tập.");
    }
    List<OpenTask> open = openTasks(p);
    List<OpenTask> mine = open.stream().filter(t -> mayWork(t.task())).toList();
    OpenTask chosen = mine.stream().filter(t -> t.task().getId().equals(taskId)).findFirst()
        .orElse(mine.isEmpty() ? null : mine.get(0));
    StepView step = null;
    if (chosen != null) {
      StepForm form = forms.get(formId(chosen.task()));
      if (form != null) {
        step = new StepView(chosen.task().getId(), chosen.task().getTaskDefinitionKey(), chosen.candidateId(),
            chosen.task().getName(), chosen.candidate(),
            forms.show(form, variables(chosen), null, Map.of()), List.of(), null);
      }
    }
    return page(p, open, step, model);
  }

  @PostMapping("/khen-thuong/{id}/buoc/{taskId}")
  String submit(@PathVariable long id, @PathVariable String taskId, @RequestParam Map<String, String> params,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    CurrentUser user = CurrentUser.get();
    AwardViews.Proposal p = awards.proposal(id, user);
    List<OpenTask> open = openTasks(p);
    OpenTask ot = open.stream().filter(t -> t.task().getId().equals(taskId)).findFirst().orElse(null);
    if (ot == null) {
      StepView again = secondVote(p, taskId, params, user);
      if (again != null) {
        response.setStatus(409);
        return page(p, open, again, model);
      }
      String done = doneBy(taskId, p);
      if (done == null) {
        throw DomainException.notFound("Không tìm thấy bước này của danh sách đề nghị số " + id + ".");
      }
      response.setStatus(409);
      model.addAttribute("notice", done + " Những gì bạn vừa nhập chưa được lưu; hãy xem lại danh sách dưới đây.");
      return page(p, open, null, model);
    }
    Task task = ot.task();
    if (!mayWork(task)) {
      response.setStatus(403);
      model.addAttribute("notice", "Bạn không được giao bước «" + task.getName() + "» của ứng viên "
          + ot.candidate() + " nên không thể thực hiện nó. Chưa có gì được lưu.");
      return page(p, open, null, model);
    }
    StepForm form = forms.get(formId(task));
    if (form == null) {
      throw DomainException.notFound("Bước này không có biểu mẫu.");
    }
    Map<String, Object> vars = variables(ot);
    Map<String, String> typed = forms.typed(form, vars, params);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
      response.setStatus(409);
      return again(p, open, ot, form, vars, typed, Map.of(), List.of(), "Bước này đang do "
          + names.of(task.getAssignee()) + " xử lý nên bạn chưa thể gửi. Những gì bạn nhập vẫn còn dưới đây;"
          + " chưa có gì được lưu.", model);
    }
    StepForms.Converted converted = forms.convert(form, vars, typed);
    if (!converted.problems().isEmpty()) {
      response.setStatus(400);
      return again(p, open, ot, form, vars, typed, converted.problems(), List.of(), null, model);
    }
    if (params.containsKey("sua")) {
      return again(p, open, ot, form, vars, typed, Map.of(), List.of(), null, model);
    }
    if (!params.containsKey("xacNhan")) {
      String consequence = consequence(ot, converted.values());
      if (consequence != null) {
        model.addAttribute("c", new StepForms.Confirmation(task.getName(), ot.candidate(), "Danh sách đề nghị khen"
            + " thưởng số " + p.id() + " của " + p.proposerName() + " — " + p.formLabel(), consequence,
            "/khen-thuong/" + p.id() + "/buoc/" + task.getId(), typed));
        return StepForms.Confirmation.TEMPLATE;
      }
    }
    boolean claimed = false;
    try {
      if (task.getAssignee() == null && !candidateGroups(task).isEmpty()) {
        tasks.claim(task.getId(), user.id());
        claimed = true;
      }
      formService.submitTaskForm(task.getId(), converted.values());
    } catch (RuntimeException e) {
      if (claimed) {
        release(task.getId(), user.id());
      }
      DomainException refusal = Throwables.find(e, DomainException.class);
      if (refusal != null) {
        response.setStatus(400);
        StepForms.Refusal shownAs = forms.refusal(refusal, form, vars);
        return again(p, openTasks(p), ot, form, vars, typed, shownAs.byField(), shownAs.general(), null, model);
      }
      if (Throwables.find(e, TaskAlreadyClaimedException.class) != null
          || Throwables.find(e, OptimisticLockingException.class) != null || stillOpen(task.getId()) == null) {
        response.setStatus(409);
        Task now = stillOpen(task.getId());
        if (now == null) {
          model.addAttribute("notice", doneBy(task.getId(), p) + " Những gì bạn vừa nhập chưa được lưu.");
          return page(p, openTasks(p), null, model);
        }
        return again(p, openTasks(p), new OpenTask(now, ot.candidateId(), ot.candidate()), form, vars, typed,
            Map.of(), List.of(), "Bước «" + task.getName() + "» vừa được " + names.of(now.getAssignee())
                + " nhận xử lý. Những gì bạn nhập vẫn còn dưới đây; chưa có gì được lưu.", model);
      }
      throw e;
    }
    redirect.addFlashAttribute("done", "Đã hoàn thành bước «" + task.getName() + "» — " + ot.candidate() + ".");
    return "redirect:/khen-thuong/" + id;
  }

  @GetMapping("/khen-thuong/{id}/tep/{fileId}")
  ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
    AwardViews.FileContent f = awards.file(id, fileId, CurrentUser.get());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .body(f.content());
  }

  /** The head of the proposing body signs the tờ trình (NĐ 30 layout, numbered, stored once). */
  @PostMapping("/khen-thuong/{id}/ky-to-trinh")
  String signSubmission(@PathVariable long id, Model model, RedirectAttributes redirect) {
    AwardViews.Proposal p = awards.proposal(id, CurrentUser.get());
    IssuedDocuments.Stored signed;
    try {
      signed = submissions.sign(p, CurrentUser.get());
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.CONFLICT) {
        throw e;
      }
      model.addAttribute("notice", e.getMessage());
      return page(p, openTasks(p), null, model);
    }
    redirect.addFlashAttribute("done", "Đã ký số tờ trình số " + Nd30.number(signed.decisionNo()) + ".");
    return "redirect:/khen-thuong/" + id;
  }

  @GetMapping("/khen-thuong/{id}/danh-sach.xlsx")
  ResponseEntity<byte[]> spreadsheet(@PathVariable long id) {
    return export(exports.spreadsheet(awards.proposal(id, CurrentUser.get())), AwardController.XLSX,
        "danh-sach-de-nghi-khen-thuong-" + id + ".xlsx");
  }

  @GetMapping("/khen-thuong/{id}/to-trinh.pdf")
  ResponseEntity<byte[]> document(@PathVariable long id) {
    return export(submissions.pdf(awards.proposal(id, CurrentUser.get())), MediaType.APPLICATION_PDF,
        "to-trinh-khen-thuong-" + id + ".pdf");
  }

  private static ResponseEntity<byte[]> export(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
  }

  // ---- the page ----

  private String again(AwardViews.Proposal p, List<OpenTask> open, OpenTask ot, StepForm form,
      Map<String, Object> vars, Map<String, String> typed, Map<String, List<String>> byField, List<String> general,
      String message, Model model) {
    List<String> problems = new ArrayList<>(general);
    if (general.isEmpty() && !byField.isEmpty()) {
      problems.add("Chưa lưu gì. Hãy sửa các ô được đánh dấu:");
    }
    byField.values().forEach(problems::addAll);
    StepView step = new StepView(ot.task().getId(), ot.task().getTaskDefinitionKey(), ot.candidateId(),
        ot.task().getName(), ot.candidate(),
        forms.show(form, vars, typed, byField), problems, message);
    return page(p, open, step, model);
  }

  private String page(AwardViews.Proposal p, List<OpenTask> open, StepView step, Model model) {
    CurrentUser user = CurrentUser.get();
    List<AwardViews.Event> events = awards.events(p.id());
    List<AwardViews.File> files = awards.files(p.id());
    List<Map<String, Object>> decisions = awards.decisionsOf(p.id());
    Set<String> logins = new HashSet<>();
    logins.add(p.createdBy());
    events.forEach(e -> logins.add(e.actor()));
    files.forEach(f -> logins.add(f.uploadedBy()));
    Map<String, String> who = names.of(logins);

    model.addAttribute("p", p);
    model.addAttribute("createdBy", who.getOrDefault(p.createdBy(), p.createdBy()));
    model.addAttribute("createdAt", at(p.createdAt()));
    model.addAttribute("status", awards.statusWords(List.of(p.id())).getOrDefault(p.id(), ""));
    model.addAttribute("signer", signer(p));
    model.addAttribute("signerRule", routing.authorityOf(p.id()).orElse(null));
    model.addAttribute("step", step);
    model.addAttribute("myTasks", open.stream().filter(t -> mayWork(t.task()))
        .filter(t -> step == null || !t.task().getId().equals(step.taskId()))
        .map(t -> new TaskLink(t.task().getId(), t.task().getName() + " — " + t.candidate())).toList());
    List<CandidateView> views = p.candidates().stream().map(c -> candidate(c, user)).toList();
    model.addAttribute("candidates", views);
    // the secretary closing a meeting follows its count next to the minutes
    model.addAttribute("stepCount", step == null || !AwardProcess.TASK_MINUTES.equals(step.taskKey()) ? null
        : views.stream().filter(v -> v.c().id().equals(step.candidateId()) && v.count() != null).findFirst()
            .orElse(null));
    model.addAttribute("files", files.stream().map(f -> new FileView(f.id(), f.kindLabel(), f.fileName(),
        UploadRules.size(f.sizeBytes()), who.getOrDefault(f.uploadedBy(), f.uploadedBy()), at(f.uploadedAt())))
        .toList());
    model.addAttribute("decisions", decisions.stream().map(d -> new DecisionView(((Number) d.get("id")).longValue(),
        (String) d.get("decision_no"), vn.hoctap.common.Dates.vn(((java.sql.Date) d.get("decision_date"))
            .toLocalDate()), d.get("signer_title") + " — " + names.of((String) d.get("signed_by")),
        ((Number) d.get("awards")).intValue())).toList());
    model.addAttribute("history", events.stream().map(e -> line(e, who)).toList());
    model.addAttribute("live", p.candidates().stream().anyMatch(c -> council.openReviewId(c.id()) != null));
    model.addAttribute("submission", submissions.signed(p.id()).orElse(null));
    model.addAttribute("maySignSubmission", submissions.maySign(p, user));
    return "khen-thuong/de-nghi";
  }

  private CandidateView candidate(AwardViews.Candidate c, CurrentUser user) {
    List<ReviewView> reviews = c.reviews().stream().map(r -> new ReviewView(r.body(), switch (r.status()) {
      case "PASSED" -> "Thông qua";
      case "NOT_PASSED" -> "Không thông qua";
      default -> "Đang họp";
    }, "OPEN".equals(r.status()) ? null : r.yes() + " đồng ý, " + r.no() + " không đồng ý trên " + r.present() + "/"
        + r.membersTotal() + " thành viên dự họp", r.ruleApplied(), r.minutes(), "OPEN".equals(r.status())))
        .toList();
    Long reviewId = council.openReviewId(c.id());
    if (reviewId == null) {
      return new CandidateView(c, reviews, null, false, null);
    }
    OrgUnit body = awards.currentBody(c.id());
    CouncilService.Count count = council.count(reviewId);
    boolean secretary = user.admin() || user.inAny(Groups.councilSecretary(body.getCode()));
    String myVote = null;
    if (user.inAny(Groups.council(body.getCode()))) {
      CouncilService.Cast cast = council.castBy(reviewId, user.id());
      myVote = cast == null ? "Bạn chưa biểu quyết về ứng viên này." : "Bạn đã biểu quyết: " + cast.label()
          + " (lúc " + at(cast.at()) + ").";
    }
    return new CandidateView(c, reviews, count, secretary, myVote);
  }

  private String signer(AwardViews.Proposal p) {
    if (p.candidates().isEmpty()) {
      return "";
    }
    return routing.signerTitle(awards.signingBody(p.candidates().get(0).id()));
  }

  private HistoryLine line(AwardViews.Event e, Map<String, String> who) {
    String person = e.actor() == null ? "Hệ thống" : who.getOrDefault(e.actor(), e.actor());
    String c = e.candidateName() == null ? "" : " " + e.candidateName();
    String sentence = switch (e.action()) {
      case "PROPOSED" -> "đã lập danh sách đề nghị khen thưởng";
      case "ELIGIBILITY_CHECKED" -> "đã kiểm tra điều kiện của" + c;
      case "COUNCIL_OPENED" -> "đã đưa" + c + " ra Hội đồng xét";
      case "VOTED" -> "đã biểu quyết về" + c;
      case "COUNCIL_CLOSED" -> "đã kết thúc phiên họp Hội đồng về" + c;
      case "FORWARDED" -> "đã chuyển kết quả về" + c + " lên cấp trên";
      case "SIGNER_APPROVED" -> "đã đồng ý khen thưởng" + c;
      case "SIGNER_REFUSED" -> "đã không đồng ý khen thưởng" + c;
      case "AWARDED" -> "đã ký quyết định khen thưởng" + c;
      default -> "đã cập nhật danh sách đề nghị";
    };
    return new HistoryLine(at(e.at()), person, sentence, e.details(), e.comment());
  }

  // ---- the engine's side ----

  /** The open tasks of the list's candidates, oldest first. */
  private List<OpenTask> openTasks(AwardViews.Proposal p) {
    return engine.asSystem(() -> {
      List<OpenTask> out = new ArrayList<>();
      for (AwardViews.Candidate c : p.candidates()) {
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(AwardService.businessKey(c.id()))
            .initializeFormKeys().orderByTaskCreateTime().asc().list()) {
          out.add(new OpenTask(t, c.id(), c.name()));
        }
      }
      out.sort(java.util.Comparator.comparing(t -> t.task().getCreateTime()));
      return out;
    });
  }

  /**
   * The values the form shows: the task's own, with the candidate's summary and the secretary's draft of the
   * minutes as they are now (the draft counts the votes cast so far).
   */
  private Map<String, Object> variables(OpenTask t) {
    Map<String, Object> vars = new HashMap<>(engine.asSystem(() -> tasks.getVariables(t.task().getId())));
    if (vars.containsKey(AwardProcess.FIELD_SUMMARY) || AwardProcess.TASK_VOTE.equals(t.task()
        .getTaskDefinitionKey())) {
      vars.put(AwardProcess.FIELD_SUMMARY, awards.summary(t.candidateId()));
    }
    if (AwardProcess.TASK_MINUTES.equals(t.task().getTaskDefinitionKey())) {
      Long review = council.openReviewId(t.candidateId());
      if (review != null) {
        vars.put(AwardProcess.FIELD_MINUTES_DRAFT, council.draftMinutes(review));
      }
    }
    return vars;
  }

  /**
   * A vote sent for a member's vote task that is already done: the second vote is refused next to the vote field,
   * with what the member typed kept. Null when the task was not this user's vote on a candidate of the list.
   */
  private StepView secondVote(AwardViews.Proposal p, String taskId, Map<String, String> params, CurrentUser user) {
    HistoricTaskInstance h = engine.asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (h == null || !AwardProcess.TASK_VOTE.equals(h.getTaskDefinitionKey())) {
      return null;
    }
    HistoricProcessInstance pi = engine.asSystem(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(h.getProcessInstanceId()).singleResult());
    AwardViews.Candidate c = pi == null ? null : p.candidates().stream()
        .filter(x -> AwardService.businessKey(x.id()).equals(pi.getBusinessKey())).findFirst().orElse(null);
    if (c == null) {
      return null;
    }
    CouncilService.Cast cast = council.castOnCandidate(c.id(), user.id());
    if (cast == null) {
      return null;
    }
    DomainException refusal = council.secondVote(user.id(), cast);
    StepForm form = forms.get("award-vote");
    Map<String, Object> vars = new HashMap<>();
    vars.put(AwardProcess.FIELD_SUMMARY, awards.summary(c.id()));
    Map<String, List<String>> byField = Map.of(AwardProcess.FIELD_VOTE, refusal.details());
    List<String> problems = new ArrayList<>();
    problems.add(refusal.getMessage());
    problems.addAll(refusal.details());
    return new StepView(taskId, h.getTaskDefinitionKey(), c.id(), h.getName(), c.name(), forms.show(form, vars, forms.typed(form, vars, params),
        byField), problems, null);
  }

  /** What a step that ends a meeting or refuses an award will do, in words; null for a step that goes on as usual. */
  private String consequence(OpenTask t, Map<String, Object> values) {
    String form = formId(t.task());
    if ("award-minutes".equals(form)) {
      Long review = council.openReviewId(t.candidateId());
      if (review == null) {
        return null;
      }
      CouncilService.Outcome o;
      try {
        o = council.tally(review);
      } catch (DomainException e) {
        return null; // the step itself refuses, with the reason, when it is sent
      }
      CouncilService.Count count = council.count(review);
      return "Phiên họp của Hội đồng Thi đua - Khen thưởng " + count.body() + " về " + t.candidate()
          + " sẽ KẾT THÚC: " + count.voted() + "/" + count.members() + " thành viên đã biểu quyết. "
          + CouncilService.describe(o) + "."
          + (count.waitingNames().isEmpty() ? "" : " Thành viên chưa biểu quyết (" + String.join(", ",
              count.waitingNames()) + ") được coi là vắng mặt và không biểu quyết được nữa.");
    }
    if ("award-decision".equals(form) && AwardProcess.REFUSE.equals(values.get(AwardProcess.VAR_DECISION))) {
      Object why = values.get(AwardProcess.FIELD_COMMENT);
      return t.candidate() + " sẽ KHÔNG được khen thưởng" + (why == null || why.toString().isBlank() ? "."
          : ", với lý do: «" + why.toString().strip() + "».");
    }
    return null;
  }

  private Task stillOpen(String taskId) {
    return engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
  }

  private static String formId(Task t) {
    return t.getCamundaFormRef() == null ? null : t.getCamundaFormRef().getKey();
  }

  private List<IdentityLink> links(Task t) {
    return engine.asSystem(() -> tasks.getIdentityLinksForTask(t.getId())).stream()
        .filter(l -> "candidate".equals(l.getType())).toList();
  }

  private List<String> candidateGroups(Task t) {
    return links(t).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  /** The user holds the task, or it is free and offered to the user (a member's vote) or to one of their groups. */
  private boolean mayWork(Task t) {
    CurrentUser user = CurrentUser.get();
    if (user.id().equals(t.getAssignee())) {
      return true;
    }
    if (t.getAssignee() != null) {
      return false;
    }
    return links(t).stream().anyMatch(l -> user.id().equals(l.getUserId())
        || (l.getGroupId() != null && user.groups().contains(l.getGroupId())));
  }

  /** "Bước «…» của … đã được … hoàn thành lúc …" for a finished task of the list, null for an unknown one. */
  private String doneBy(String taskId, AwardViews.Proposal p) {
    HistoricTaskInstance h = engine.asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (h == null || h.getEndTime() == null) {
      return null;
    }
    HistoricProcessInstance pi = engine.asSystem(() -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(h.getProcessInstanceId()).singleResult());
    if (pi == null || p.candidates().stream().noneMatch(c -> AwardService.businessKey(c.id())
        .equals(pi.getBusinessKey()))) {
      return null;
    }
    return "Bước «" + h.getName() + "» đã được " + (h.getAssignee() == null ? "người được giao"
        : names.of(h.getAssignee())) + " hoàn thành lúc " + at(h.getEndTime().toInstant()) + ".";
  }

  private void release(String taskId, String userId) {
    try {
      engine.asSystem(() -> {
        Task t = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (t != null && userId.equals(t.getAssignee())) {
          tasks.setAssignee(taskId, null);
        }
        return null;
      });
    } catch (RuntimeException ignored) {
      // the task moved on meanwhile; nothing of ours to undo
    }
  }

  static String at(Instant t) {
    return AT.format(t.atZone(EngineClock.ZONE));
  }
}
