package vn.hoctap.dossier;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.Throwables;
import vn.hoctap.criteria.CriteriaEvaluator;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.DigitalLevel;
import vn.hoctap.criteria.EmulationTitle;
import vn.hoctap.criteria.EvaluationResult;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.criteria.IndicatorResult;
import vn.hoctap.deadline.DeadlineKind;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.procedure.DossierWorkflow;
import vn.hoctap.process.IndicatorPreview;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.document.RecognitionDocuments;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * Trang hồ sơ: the one place of a dossier — who, what, where it stands and who holds it, its deadlines, the open
 * step's form for the person who may do it, every indicator with the unit's value, the reviewer's correction and
 * the criteria result, the decision, and the history in words. Submitting the form completes the engine's task as
 * the user (the engine still owns the flow); a refusal comes back next to its fields with everything typed kept.
 */
@Page
class DossierPages {

  /** A step that is open now and who holds it, in words. */
  record OpenStep(String name, String holders) {}

  /** One indicator row of the table. */
  record IndicatorRow(String code, String text, String unitValue, String verifiedValue, String correctionReason,
      String result, String explanation, boolean failed) {}

  /** The form of the open step the user may do, with the words of its button and what the step is for. */
  record StepView(String taskId, String name, List<StepForms.Shown> fields, List<String> problems,
      String message, String button, String hint) {}

  /** Why the dossier is back with its applicant: who returned it, when, from which body, and what to add. */
  record Returned(String by, String at, String body, String reason) {}

  private final DossierService dossiers;
  private final DossierAccess access;
  private final DossierWorkflow workflow;
  private final RecognitionService recognitions;
  private final RecognitionDocuments papers;
  private final DossierStory story;
  private final EvidencePages evidence;
  private final StepForms forms;
  private final EngineQueries engine;
  private final TaskService tasks;
  private final FormService formService;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final CriteriaEvaluator evaluator;
  private final vn.hoctap.procedure.AppraisalCouncils councils;
  private final vn.hoctap.document.CouncilDocuments councilDocuments;
  private final vn.hoctap.procedure.CouncilVerdicts verdicts;

  DossierPages(DossierService dossiers, DossierAccess access, DossierWorkflow workflow,
      RecognitionService recognitions, DossierStory story, StepForms forms, EngineQueries engine, TaskService tasks,
      FormService formService, RuntimeService runtime, HistoryService history, CriteriaEvaluator evaluator,
      EvidencePages evidence, RecognitionDocuments papers, vn.hoctap.procedure.AppraisalCouncils councils,
      vn.hoctap.document.CouncilDocuments councilDocuments, vn.hoctap.procedure.CouncilVerdicts verdicts) {
    this.verdicts = verdicts;
    this.papers = papers;
    this.councils = councils;
    this.councilDocuments = councilDocuments;
    this.evidence = evidence;
    this.dossiers = dossiers;
    this.access = access;
    this.workflow = workflow;
    this.recognitions = recognitions;
    this.story = story;
    this.forms = forms;
    this.engine = engine;
    this.tasks = tasks;
    this.formService = formService;
    this.runtime = runtime;
    this.history = history;
    this.evaluator = evaluator;
  }

  @GetMapping("/ho-so/{id}")
  String dossier(@PathVariable long id, Model model) {
    Dossier d = readable(id);
    DossierStory.Names names = story.names();
    List<Task> open = openTasks(d);
    StepView step = null;
    for (Task t : open) {
      if (mayWork(t)) {
        StepForm form = formFor(d, t);
        if (form != null) {
          Map<String, Object> vars = variables(t);
          step = stepView(d, t, forms.show(form, vars, null, Map.of()), List.of(), null);
        }
        break;
      }
    }
    return page(d, open, names, step, model);
  }

  @PostMapping("/ho-so/{id}/buoc/{taskId}")
  String submit(@PathVariable long id, @PathVariable String taskId, @RequestParam Map<String, String> params,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Dossier d = readable(id);
    DossierStory.Names names = story.names();
    List<Task> open = openTasks(d);
    Task task = open.stream().filter(t -> t.getId().equals(taskId)).findFirst().orElse(null);
    if (task == null) {
      String done = doneBy(taskId, names);
      if (done == null) {
        throw DomainException.notFound("Không tìm thấy bước này của hồ sơ số " + id + ".");
      }
      response.setStatus(409);
      model.addAttribute("notice", done + " Những gì bạn vừa nhập chưa được lưu; hãy xem lại hồ sơ dưới đây.");
      return page(d, open, names, null, model);
    }
    CurrentUser user = CurrentUser.get();
    if (!mayWork(task)) {
      response.setStatus(403);
      model.addAttribute("notice", "Bạn không được giao bước «" + task.getName() + "» của hồ sơ này nên không thể"
          + " thực hiện nó. Chưa có gì được lưu.");
      return page(d, open, names, null, model);
    }
    StepForm form = formFor(d, task);
    if (form == null) {
      throw DomainException.notFound("Bước này không có biểu mẫu.");
    }
    Map<String, Object> vars = variables(task);
    Map<String, String> typed = forms.typed(form, vars, params);
    if (task.getAssignee() != null && !task.getAssignee().equals(user.id())) {
      response.setStatus(409);
      return again(d, open, names, task, form, vars, typed, Map.of(), List.of(), "Bước này đang do "
          + names.of(task.getAssignee()) + " xử lý nên bạn chưa thể gửi. Những gì bạn nhập vẫn còn dưới đây;"
          + " chưa có gì được lưu.", model);
    }
    StepForms.Converted converted = forms.convert(form, vars, typed);
    if (!converted.problems().isEmpty()) {
      response.setStatus(400);
      return again(d, open, names, task, form, vars, typed, converted.problems(), List.of(), null, model);
    }
    if (params.containsKey("sua")) {
      return again(d, open, names, task, form, vars, typed, Map.of(), List.of(), null, model);
    }
    if (!params.containsKey("xacNhan")) {
      String consequence = consequence(d, task, converted.values());
      if (consequence != null) {
        model.addAttribute("c", new StepForms.Confirmation(task.getName(), "hồ sơ số " + d.getId(), d.describe(),
            consequence, "/ho-so/" + d.getId() + "/buoc/" + task.getId(), typed));
        return StepForms.Confirmation.TEMPLATE;
      }
    }
    boolean claimed = false;
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user.id());
        claimed = true;
      }
      submit(task.getId(), converted.values());
    } catch (RuntimeException e) {
      if (claimed) {
        release(task.getId(), user.id());
      }
      DomainException refusal = Throwables.find(e, DomainException.class);
      if (refusal != null) {
        response.setStatus(400);
        StepForms.Refusal shownAs = forms.refusal(refusal, form, vars);
        return again(d, openTasks(d), names, task, form, vars, typed, shownAs.byField(), shownAs.general(), null,
            model);
      }
      if (Throwables.find(e, TaskAlreadyClaimedException.class) != null
          || Throwables.find(e, OptimisticLockingException.class) != null || stillOpen(task.getId()) == null) {
        response.setStatus(409);
        Task now = stillOpen(task.getId());
        String what = now == null ? doneBy(task.getId(), names)
            : "Bước «" + task.getName() + "» vừa được " + names.of(now.getAssignee()) + " nhận xử lý.";
        if (now == null) {
          model.addAttribute("notice", what + " Những gì bạn vừa nhập chưa được lưu.");
          return page(d, openTasks(d), names, null, model);
        }
        return again(d, openTasks(d), names, now, form, vars, typed, Map.of(), List.of(), what
            + " Những gì bạn nhập vẫn còn dưới đây; chưa có gì được lưu.", model);
      }
      throw e;
    }
    redirect.addFlashAttribute("done", "Đã hoàn thành bước «" + task.getName() + "».");
    return "redirect:/ho-so/" + id;
  }

  /**
   * Submits the form; a submission that lost a race on the process's own bookkeeping (two council members answering
   * at once complete two instances of one step) is rolled back whole by the engine and sent again, so each keeps
   * their own answer. The task still being open and theirs is checked before each new attempt.
   */
  private void submit(String taskId, Map<String, Object> values) {
    for (int attempt = 1; ; attempt++) {
      try {
        formService.submitTaskForm(taskId, values);
        return;
      } catch (RuntimeException e) {
        if (attempt >= 3 || Throwables.find(e, OptimisticLockingException.class) == null
            || Throwables.find(e, DomainException.class) != null || stillOpen(taskId) == null) {
          throw e;
        }
      }
    }
  }

  private String again(Dossier d, List<Task> open, DossierStory.Names names, Task task, StepForm form,
      Map<String, Object> vars, Map<String, String> typed, Map<String, List<String>> byField, List<String> general,
      String message, Model model) {
    List<String> problems = new ArrayList<>(general);
    if (general.isEmpty() && !byField.isEmpty()) {
      problems.add("Chưa lưu gì. Hãy sửa các ô được đánh dấu:");
    }
    byField.values().forEach(problems::addAll);
    StepView step = stepView(d, task, forms.show(form, vars, typed, byField), problems, message);
    return page(d, open, names, step, model);
  }

  /**
   * The supplement after a return says what it is: add the files, correct if needed, and send the dossier back to
   * the receiving body; its button says "nộp lại". Every other step keeps the plain words.
   */
  private StepView stepView(Dossier d, Task t, List<StepForms.Shown> fields, List<String> problems,
      String message) {
    if (RecognitionProcess.TASK_SUPPLEMENT.equals(t.getTaskDefinitionKey())) {
      return new StepView(t.getId(), t.getName(), fields, problems, message, "Nộp lại hồ sơ đã bổ sung",
          "Hồ sơ được trả lại để bổ sung theo yêu cầu nêu trên. Tải các tệp cần bổ sung ở mục «Minh chứng»"
              + " (chọn đúng chỉ tiêu hoặc loại tài liệu; tệp đã nộp trước được giữ nguyên), sửa số liệu nếu cần,"
              + " ghi giải trình, rồi bấm «Nộp lại hồ sơ đã bổ sung»: hồ sơ được gửi lại "
              + d.getReceivingOrg().getName() + " để kiểm tra. Sau khi nộp lại, không thêm hoặc xóa tệp được nữa.");
    }
    return new StepView(t.getId(), t.getName(), fields, problems, message, "Gửi, hoàn thành bước này", null);
  }

  /**
   * The step's form as the page shows it. The meeting's minutes are chosen among the files of the dossier's
   * evidence instead of typed (the form's text field, still typed in the Tasklist, takes the file's name).
   */
  private StepForm formFor(Dossier d, Task t) {
    StepForm form = forms.get(formId(t));
    if (form != null && "council-setup".equals(form.id())) {
      return councilSetup(d, form);
    }
    if (form != null && form.all().stream().anyMatch(f -> vn.hoctap.procedure.CouncilVerdicts.FIELD.equals(f.key()))) {
      return councilVerdicts(d, form);
    }
    String minutes = LearningCommunityProcess.FIELD_MINUTES_FILE;
    if (form == null || form.all().stream().noneMatch(f -> minutes.equals(f.key()))) {
      return form;
    }
    List<StepForm.Option> files = evidence.fileChoices(d.getId());
    return form.replacing(minutes, f -> new StepForm.Field(StepForm.EVIDENCE_FILE, f.key(),
        "Biên bản họp (chọn trong các tệp đã tải lên minh chứng)", files.isEmpty()
            ? "Hồ sơ chưa có tệp minh chứng nào: hãy tải biên bản họp lên ở mục «Minh chứng» bên dưới (chọn loại"
                + " «Cả hồ sơ — Biên bản họp»), rồi chọn tệp ở đây."
            : "Tệp biên bản họp đã tải lên ở mục «Minh chứng»; chưa có thì tải lên ở đó trước.",
        null, false, f.required(), null, null, null, files, f.hide(), List.of()));
  }

  /**
   * The council's chair and secretary are chosen among the people of the bodies (the form's text fields, typed in
   * the Tasklist, take the chosen login); the members are typed one login a line from the same list shown above.
   */
  private StepForm councilSetup(Dossier d, StepForm form) {
    List<StepForm.Option> people = new ArrayList<>();
    councils.candidates(d).forEach(p -> people.add(new StepForm.Option(p.userId(), p.name() + " — " + p.body())));
    java.util.function.UnaryOperator<StepForm.Field> choose = f -> new StepForm.Field("select", f.key(), f.label()
        .replace(" (tên đăng nhập)", ""), f.description(), null, false, f.required(), null, null, null,
        List.copyOf(people), f.hide(), List.of());
    return form.replacing(vn.hoctap.process.RecognitionProcess.FIELD_COUNCIL_CHAIR, choose)
        .replacing(vn.hoctap.process.RecognitionProcess.FIELD_COUNCIL_SECRETARY, choose);
  }

  /**
   * The council's verdict on every applicable indicator (minutes of its meeting, a member's written opinion), grouped
   * by criterion, in place of the form's read-only summary: what the council has before it (the unit's value, the
   * evaluator's result, the evidence), "Đạt" / "Không đạt" prefilled with the evaluator's result, and the reason.
   */
  private StepForm councilVerdicts(Dossier d, StepForm form) {
    List<StepForm.Field> out = new ArrayList<>();
    out.add(new StepForm.Field("text", null, null, null, "Kết luận của Hội đồng từng chỉ tiêu: đã điền sẵn kết quả"
        + " thẩm định; chỉ sửa chỉ tiêu Hội đồng đánh giá khác. Chỉ tiêu «Không đạt» cần ghi ngắn gọn lý do. Một tiêu"
        + " chí chỉ đạt khi mọi chỉ tiêu của nó đạt; hồ sơ chỉ đạt khi mọi tiêu chí đạt.", true, false, null, null,
        null, List.of(), null, List.of()));
    Map<String, List<StepForm.Field>> byCriterion = new java.util.LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    List<StepForm.Option> choices = List.of(new StepForm.Option("PASS", "Đạt"),
        new StepForm.Option("FAIL", "Không đạt"));
    for (vn.hoctap.procedure.CouncilVerdicts.Line l : verdicts.lines(d)) {
      names.put(l.criterionCode(), l.criterionCode() + " — " + l.criterionName());
      StepForm.Field verdict = new StepForm.Field("radio", l.field(), "Hội đồng đánh giá chỉ tiêu " + l.code(), null,
          null, false, true, null, null, null, choices, null, List.of());
      StepForm.Field reason = new StepForm.Field("textfield", l.reasonField(), "Lý do (bắt buộc khi không đạt)",
          null, null, false, false, null, null, 1000, List.of(), null, List.of());
      byCriterion.computeIfAbsent(l.criterionCode(), k -> new ArrayList<>()).add(new StepForm.Field("group", null,
          l.code() + " — " + l.text(), l.facts(), null, false, false, null, null, null, List.of(), null,
          List.of(verdict, reason)));
    }
    byCriterion.forEach((code, indicators) -> out.add(new StepForm.Field("group", null, names.get(code), null, null,
        false, false, null, null, null, List.of(), null, indicators)));
    return form.splicing(vn.hoctap.procedure.CouncilVerdicts.FIELD, out);
  }

  /** The latest return for supplement while the dossier is still with its applicant, or null. */
  private Returned returned(Dossier d, DossierStory.Names names) {
    if (d.getStatus() != DossierStatus.RETURNED) {
      return null;
    }
    return dossiers.latestEvent(d.getId(), List.of("RETURNED_FOR_SUPPLEMENT")).map(e -> new Returned(
        names.of(e.getActor()), DossierStory.AT.format(e.getOccurredAt().atZone(vn.hoctap.common.EngineClock.ZONE)),
        story.group(vn.hoctap.org.Groups.reviewer(d.getReceivingOrg().getCode())), e.getComment())).orElse(null);
  }

  private String page(Dossier d, List<Task> open, DossierStory.Names names, StepView step, Model model) {
    CurrentUser user = CurrentUser.get();
    model.addAttribute("d", d);
    model.addAttribute("steps", open.stream().map(t -> new OpenStep(t.getName(), holders(t, names))).toList());
    model.addAttribute("createdBy", names.of(d.getCreatedBy()));
    List<String> deadlines = new ArrayList<>();
    for (DeadlineKind kind : DeadlineKind.values()) {
      try {
        deadlines.add(workflow.deadline(d.getId(), kind).describe());
      } catch (RuntimeException e) {
        if (kind.dossier()) {
          deadlines.add(kind.label() + ": chưa được cấu hình");
        }
      }
    }
    model.addAttribute("deadlines", deadlines);
    model.addAttribute("step", step);
    model.addAttribute("returned", returned(d, names));
    indicators(d, model);
    model.addAttribute("recognition", recognitions.forDossier(d.getId()).orElse(null));
    model.addAttribute("papers", papers.papers(d.getId()));
    var council = councils.current(d.getId()).orElse(null);
    model.addAttribute("council", council);
    model.addAttribute("councilVerdicts", council == null ? List.of() : verdicts.conclusion(council.id()));
    model.addAttribute("councilReport", councilDocuments.report(d.getId()).orElse(null));
    model.addAttribute("history", story.history(dossiers.history(d.getId()), names));
    boolean running = d.getProcessInstanceId() != null && engine.asSystem(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(d.getProcessInstanceId()).count()) > 0;
    model.addAttribute("cockpit", user.admin() && running
        ? "/camunda/app/cockpit/default/#/process-instance/" + d.getProcessInstanceId() : null);
    model.addAttribute("evidence", evidence.view(d.getId(), user));
    return "dossier/ho-so";
  }

  private void indicators(Dossier d, Model model) {
    CriteriaSet set = dossiers.criteriaSet(d);
    Map<String, IndicatorInput> self = dossiers.latestValues(d.getId(), DossierRevision.Stage.SELF);
    Map<String, IndicatorInput> verified = dossiers.latestValues(d.getId(), DossierRevision.Stage.VERIFIED);
    Map<String, DossierService.Correction> corrections = new HashMap<>();
    dossiers.revisions(d.getId()).stream().filter(r -> r.getStage() == DossierRevision.Stage.VERIFIED)
        .reduce((a, b) -> b).ifPresent(r -> corrections.putAll(dossiers.corrections(r)));
    EvaluationResult result = dossiers.latestEvaluation(d.getId());
    List<IndicatorRow> rows = new ArrayList<>();
    for (Indicator i : set.indicators()) {
      if (!i.appliesTo(d.getUnit().profile())) {
        continue;
      }
      IndicatorResult r = result == null ? null : result.indicators().stream()
          .filter(x -> x.code().equals(i.code())).findFirst().orElse(null);
      DossierService.Correction c = corrections.get(i.code());
      rows.add(new IndicatorRow(i.code(), i.part() == null ? i.text() : i.part() + ": " + i.text(),
          value(self.get(i.code())),
          verified.isEmpty() ? "" : value(verified.get(i.code())), c == null ? "" : c.reason(),
          r == null ? "Chưa tính" : outcome(r.outcome()), r == null ? "" : r.explanation(),
          r != null && (r.outcome() == IndicatorResult.Outcome.NOT_MET
              || r.outcome() == IndicatorResult.Outcome.JUDGED_NOT_MET)));
    }
    model.addAttribute("indicators", rows);
    model.addAttribute("result", result == null ? null : overall(result.outcome()) + ". " + result.summary());
  }

  static String value(IndicatorInput v) {
    return IndicatorTexts.value(v);
  }

  static String outcome(IndicatorResult.Outcome o) {
    return switch (o) {
      case MET -> "Đạt";
      case NOT_MET -> "Không đạt";
      case MISSING -> "Chưa có số liệu";
      case NOT_APPLICABLE -> "Không áp dụng";
      case JUDGED_MET -> "Đạt (theo nhận định)";
      case JUDGED_NOT_MET -> "Không đạt (theo nhận định)";
      case AWAITING_JUDGEMENT -> "Chờ nhận định";
    };
  }

  static String overall(EvaluationResult.Outcome o) {
    return switch (o) {
      case MET -> "Đạt";
      case NOT_MET -> "Không đạt";
      case NEEDS_JUDGEMENT -> "Chờ nhận định";
      case INCOMPLETE -> "Chưa đủ số liệu";
    };
  }

  /**
   * What a step that ends or refuses the dossier will do, in words, or null when the step goes on as usual. The
   * appraisal's values are evaluated here without saving, so a reviewer sees a refusal coming before confirming.
   */
  private String consequence(Dossier d, Task task, Map<String, Object> values) {
    String form = formId(task);
    if ("lu-head-review".equals(form) && "WITHDRAW".equals(values.get("headDecision"))) {
      return "Hồ sơ sẽ bị RÚT và kết thúc tại đây: không được xét công nhận năm " + d.getAssessmentYear()
          + reason(values.get("headComment"));
    }
    if ("completeness-check".equals(form) && "INCOMPLETE".equals(values.get("completeness"))) {
      return "Hồ sơ sẽ được TRẢ LẠI đơn vị để bổ sung" + reason(values.get("completenessComment"));
    }
    if ("recognition-decision".equals(form) && "REFUSE".equals(values.get("signerDecision"))) {
      return "Hồ sơ sẽ KHÔNG được công nhận" + reason(values.get("signerComment"));
    }
    if (form != null && form.endsWith("indicator-values") && values.containsKey("appraisalRecommendation")) {
      if ("REFUSE".equals(values.get("appraisalRecommendation"))) {
        return "Hồ sơ sẽ KHÔNG được công nhận vì kết luận thẩm định là không đề nghị công nhận"
            + reason(values.get("appraisalComment"));
      }
      CriteriaSet set = dossiers.criteriaSet(d);
      // the appraisal gateway's own rule, with the dossier's evidence (TT24 Điều 9 khoản 3)
      EvaluationResult r = dossiers.preview(d, IndicatorPreview.read(set, d.getUnit().profile(), values),
          DossierRevision.Stage.VERIFIED);
      if (r.outcome() == EvaluationResult.Outcome.NOT_MET) {
        String why = r.indicators().stream().filter(i -> i.outcome() == IndicatorResult.Outcome.NOT_MET
            || i.outcome() == IndicatorResult.Outcome.JUDGED_NOT_MET)
            .map(i -> i.code() + " — " + i.explanation()).collect(Collectors.joining("; "));
        return "Hồ sơ sẽ KHÔNG được công nhận vì với số liệu thẩm định này, tiêu chí không đạt: " + why + ".";
      }
    }
    return null;
  }

  private static String reason(Object comment) {
    return comment == null || comment.toString().isBlank() ? "." : ", với lý do: «" + comment.toString().strip()
        + "».";
  }

  private Dossier readable(long id) {
    Dossier d = dossiers.get(id);
    access.requireRead(CurrentUser.get(), d);
    return d;
  }

  /** The open tasks of the dossier's own instances (its process and the ones it called). */
  private List<Task> openTasks(Dossier d) {
    if (d.getProcessInstanceId() == null) {
      return List.of();
    }
    return engine.asSystem(() -> {
      Set<String> instances = new HashSet<>();
      instances.add(d.getProcessInstanceId());
      runtime.createProcessInstanceQuery().superProcessInstanceId(d.getProcessInstanceId()).list()
          .forEach(p -> instances.add(p.getId()));
      return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(d.getId())).initializeFormKeys()
          .orderByTaskCreateTime().asc().list().stream().filter(t -> instances.contains(t.getProcessInstanceId()))
          .toList();
    });
  }

  private Task stillOpen(String taskId) {
    return engine.asSystem(() -> tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult());
  }

  private static String formId(Task t) {
    return t.getCamundaFormRef() == null ? null : t.getCamundaFormRef().getKey();
  }

  private List<String> candidateGroups(Task t) {
    return engine.asSystem(() -> tasks.getIdentityLinksForTask(t.getId())).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
        .toList();
  }

  /** A personal task's people (a council member's own opinion, the council's secretary). */
  private List<String> candidateUsers(Task t) {
    return engine.asSystem(() -> tasks.getIdentityLinksForTask(t.getId())).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null).map(IdentityLink::getUserId)
        .toList();
  }

  /** The user holds the task, or it is free and the user is in one of its candidate groups or named on it. */
  private boolean mayWork(Task t) {
    CurrentUser user = CurrentUser.get();
    if (user.id().equals(t.getAssignee())) {
      return true;
    }
    return candidateGroups(t).stream().anyMatch(user.groups()::contains) || candidateUsers(t).contains(user.id());
  }

  private String holders(Task t, DossierStory.Names names) {
    String groups = java.util.stream.Stream.concat(candidateGroups(t).stream().map(story::group),
        candidateUsers(t).stream().map(names::of)).distinct().collect(Collectors.joining("; "));
    return t.getAssignee() == null ? groups : names.of(t.getAssignee()) + " (đã nhận xử lý) — " + groups;
  }

  private Map<String, Object> variables(Task t) {
    return engine.asSystem(() -> tasks.getVariables(t.getId()));
  }

  /** "Bước «…» đã được … hoàn thành lúc …" for a finished task, null for an unknown one. */
  private String doneBy(String taskId, DossierStory.Names names) {
    HistoricTaskInstance h = engine.asSystem(() -> history.createHistoricTaskInstanceQuery().taskId(taskId)
        .singleResult());
    if (h == null || h.getEndTime() == null) {
      return null;
    }
    return "Bước «" + h.getName() + "» đã được " + (h.getAssignee() == null ? "người khác" : names.of(h.getAssignee()))
        + " hoàn thành lúc " + DossierStory.AT.format(h.getEndTime().toInstant().atZone(
            vn.hoctap.common.EngineClock.ZONE)) + ".";
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
}
