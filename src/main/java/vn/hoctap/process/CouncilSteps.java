package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import vn.hoctap.common.EngineClock;
import vn.hoctap.document.CouncilDocuments;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.procedure.AppraisalCouncils.Council;
import vn.hoctap.procedure.AppraisalCouncils.Member;
import vn.hoctap.procedure.AppraisalCouncils.Person;
import vn.hoctap.procedure.AppraisalCouncils.Rule;
import vn.hoctap.procedure.CouncilVerdicts;
import vn.hoctap.procedure.CouncilVerdicts.Line;
import vn.hoctap.procedure.CouncilVerdicts.Verdict;

/**
 * The steps of the Hội đồng đánh giá in processes/recognition-appraisal.bpmn (TT24 Điều 10 K2 b–đ, Điều 16 K2; TT25
 * Điều 9 K2, 14, 19): the head of the receiving body sets the council up; it meets (the secretary records the
 * minutes) or each member gives a written opinion (one task per member, only that member may answer); the rule of
 * the data concludes; a refusal is a letter with reasons signed by the head. Who works on each step comes from the
 * council stored for the dossier, never from a variable a client could write.
 */
@Configuration
class CouncilSteps {

  private final StepSupport steps;
  private final AppraisalCouncils councils;
  private final EngineClock clock;
  private final CouncilDocuments councilDocuments;
  private final CouncilVerdicts verdicts;

  CouncilSteps(StepSupport steps, AppraisalCouncils councils, EngineClock clock, CouncilDocuments councilDocuments,
      CouncilVerdicts verdicts) {
    this.steps = steps;
    this.councils = councils;
    this.clock = clock;
    this.councilDocuments = councilDocuments;
    this.verdicts = verdicts;
  }

  /**
   * The verdict on every indicator as submitted: "đạt" or "không đạt", a reason required for "không đạt", each
   * problem next to the indicator's own field.
   */
  static Map<String, Verdict> verdicts(FormValues form, List<Line> lines) {
    Map<String, Verdict> out = new java.util.LinkedHashMap<>();
    for (Line l : lines) {
      String v = form.choice(l.field(), "Kết luận chỉ tiêu " + l.code(), AppraisalCouncils.PASS,
          AppraisalCouncils.FAIL);
      String reason = form.text(l.reasonField());
      if (AppraisalCouncils.FAIL.equals(v) && reason == null) {
        form.problem(l.reasonField(), "Chỉ tiêu " + l.code() + " được đánh giá «không đạt»: cần ghi ngắn gọn lý do.");
      }
      if (reason != null && reason.length() > 1000) {
        form.problem(l.reasonField(), "Lý do của chỉ tiêu " + l.code() + " dài quá 1000 ký tự (đang có "
            + reason.length() + ").");
      }
      if (v != null) {
        out.put(l.code(), new Verdict(l.code(), v, reason));
      }
    }
    return out;
  }

  /** The refusal of an overall "đạt" that the indicators contradict, naming them. */
  static String contradicted(List<String> failed, String who) {
    return who + " không thể kết luận «đạt» khi " + (failed.size() == 1 ? "chỉ tiêu " : failed.size()
        + " chỉ tiêu ") + String.join("; ", failed) + " được đánh giá «không đạt»: một tiêu chí chỉ đạt khi mọi chỉ"
        + " tiêu của nó đạt, hồ sơ chỉ đạt khi mọi tiêu chí đạt. Hãy sửa kết luận từng chỉ tiêu hoặc kết luận chung.";
  }

  static Council council(StepSupport steps, AppraisalCouncils councils, org.camunda.bpm.engine.delegate.VariableScope
      scope) {
    Long id = steps.dossierId(scope);
    return councils.current(id).orElseThrow(() -> new IllegalStateException("Hồ sơ số " + id
        + " chưa có Hội đồng đánh giá"));
  }

  /** The council, its members and the rule as the steps show them. */
  static String describe(Council c, Rule rule) {
    StringBuilder s = new StringBuilder(c.modeLabel() + "\n");
    for (Member m : c.members()) {
      s.append("- ").append(m.roleLabel()).append(": ").append(m.name()).append(" (").append(m.userId()).append(")\n");
    }
    return s.append("Kết luận theo quy tắc: ").append(rule.describe()).toString();
  }

  /** Thành lập Hội đồng đánh giá: the head of the receiving body. */
  @Component("councilSetupForm")
  static class SetupForm extends FormStep {
    private final AppraisalCouncils councils;

    SetupForm(StepSupport steps, Candidates candidates, AppraisalCouncils councils) {
      super(steps, candidates);
      this.councils = councils;
    }

    @Override
    protected void show(DelegateTask task, Long id) {
      Dossier d = steps.dossiers.get(id);
      Map<String, Object> vars = new HashMap<>();
      vars.put(SHOW_SUMMARY, steps.summary(d));
      vars.put(SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(id)));
      vars.put(SHOW_COUNCIL_PEOPLE, councils.candidates(d).stream().map(p -> p.userId() + " — " + p.name() + " ("
          + p.body() + ")").collect(Collectors.joining("\n")));
      vars.put(SHOW_COUNCIL_RULE, rules(d, councils.rule(d)));
      steps.show(task, vars);
    }

    @Override
    protected void complete(DelegateTask task, Long id) {
      Dossier d = steps.dossiers.get(id);
      FormValues form = new FormValues(task);
      String mode = form.choice(VAR_COUNCIL_MODE, "Hình thức làm việc của Hội đồng", AppraisalCouncils.MEETING,
          AppraisalCouncils.WRITTEN);
      String chair = form.requiredText(FIELD_COUNCIL_CHAIR, "Chủ tịch Hội đồng");
      String secretary = form.requiredText(FIELD_COUNCIL_SECRETARY, "Thư ký Hội đồng");
      List<String> members = AppraisalCouncils.logins(form.text(FIELD_COUNCIL_MEMBERS));
      Set<String> known = councils.candidates(d).stream().map(Person::userId).collect(Collectors.toSet());
      if (chair != null && !known.contains(chair)) {
        form.problem(FIELD_COUNCIL_CHAIR, notKnown(chair));
      }
      if (secretary != null && !known.contains(secretary)) {
        form.problem(FIELD_COUNCIL_SECRETARY, notKnown(secretary));
      }
      if (chair != null && chair.equals(secretary)) {
        form.problem(FIELD_COUNCIL_SECRETARY, "Thư ký phải là người khác với Chủ tịch Hội đồng.");
      }
      List<String> unknown = members.stream().filter(m -> !known.contains(m)).toList();
      if (!unknown.isEmpty()) {
        form.problem(FIELD_COUNCIL_MEMBERS, "Không có trong danh sách người có thể tham gia Hội đồng: "
            + String.join(", ", unknown) + ".");
      }
      List<String> twice = members.stream().filter(m -> m.equals(chair) || m.equals(secretary)).toList();
      if (!twice.isEmpty()) {
        form.problem(FIELD_COUNCIL_MEMBERS, "Chủ tịch và Thư ký đã là thành viên Hội đồng, không ghi lại ở mục ủy viên: "
            + String.join(", ", twice) + ".");
      }
      Set<String> everyone = new LinkedHashSet<>();
      if (chair != null) {
        everyone.add(chair);
      }
      if (secretary != null) {
        everyone.add(secretary);
      }
      everyone.addAll(members);
      String size = AppraisalCouncils.sizeProblem(d, everyone.size());
      if (size != null) {
        form.problem(FIELD_COUNCIL_MEMBERS, size);
      }
      form.throwIfInvalid("Thành lập Hội đồng đánh giá");
      String actor = steps.actor();
      long councilId = councils.establish(id, mode, chair, secretary, members, actor);
      Council c = councils.get(councilId);
      steps.dossiers.record(id, actor, "COUNCIL_ESTABLISHED", task.getName(), null, describe(c, councils.rule(d)));
      steps.cleanUp(task);
      task.getExecution().setVariable(VAR_COUNCIL_MODE, mode);
    }

    private static String notKnown(String login) {
      return "Không có người dùng «" + login + "» trong danh sách người có thể tham gia Hội đồng (xem danh sách ở"
          + " trên; ghi tên đăng nhập).";
    }
  }

  /** The rules the head sees when setting the council up: the size by the text, the voting rule by the data. */
  static String rules(Dossier d, Rule rule) {
    String size = AppraisalCouncils.sizeExempt(d)
        ? "Hội đồng đánh giá cấp Bộ: Thông tư không quy định số thành viên tối thiểu (" + AppraisalCouncils.article(d)
            + ")."
        : "Hội đồng gồm chủ tịch, thư ký và các ủy viên; số thành viên là số lẻ, tối thiểu 05 người ("
            + AppraisalCouncils.article(d) + ").";
    return size + "\nHội đồng họp hoặc lấy ý kiến bằng văn bản của các thành viên. Kết luận «đạt» khi "
        + rule.describe() + ": Thông tư không quy định tỷ lệ biểu quyết, đây là cấu hình của hệ thống.";
  }

  /** Biên bản họp Hội đồng: the council's secretary, and only that person. */
  @Bean
  TaskListener appraisalMinutesForm() {
    return task -> {
      Dossier d = steps.boundDossier(task);
      Council c = council(steps, councils, task);
      Rule rule = councils.rule(d);
      DelegateExecution local = task.getExecution();
      List<Line> lines = verdicts.lines(d);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        Map<String, Object> vars = new HashMap<>(CouncilVerdicts.prefill(lines));
        vars.put(SHOW_SUMMARY, steps.summary(d));
        vars.put(SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(d.getId())));
        vars.put(SHOW_COUNCIL, describe(c, rule));
        vars.put(CouncilVerdicts.FIELD, CouncilVerdicts.summary(lines));
        steps.show(task, vars);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      steps.actors.requireUser(task, c.secretary());
      FormValues form = new FormValues(task);
      LocalDate date = form.date(FIELD_COUNCIL_DATE, "Ngày họp");
      if (date != null && date.isAfter(clock.today())) {
        form.problem(FIELD_COUNCIL_DATE, "Ngày họp không thể sau hôm nay (" + vn.hoctap.common.Dates.vn(clock.today())
            + ").");
      }
      List<String> present = AppraisalCouncils.logins(form.text(FIELD_PRESENT));
      if (present.isEmpty()) {
        form.problem(FIELD_PRESENT, "Cần ghi các thành viên có mặt (tên đăng nhập, mỗi người một dòng).");
      }
      List<String> strangers = present.stream().filter(p -> !c.userIds().contains(p)).toList();
      if (!strangers.isEmpty()) {
        form.problem(FIELD_PRESENT, "Không phải thành viên Hội đồng: " + String.join(", ", strangers) + ".");
      }
      Long yes = form.wholeNumber(FIELD_VOTES_FOR, "Số phiếu đạt");
      Long no = form.wholeNumber(FIELD_VOTES_AGAINST, "Số phiếu không đạt");
      if (yes == null) {
        form.problem(FIELD_VOTES_FOR, "Cần nhập \"Số phiếu đạt\".");
      }
      if (no == null) {
        form.problem(FIELD_VOTES_AGAINST, "Cần nhập \"Số phiếu không đạt\".");
      }
      if (yes != null && no != null && (yes < 0 || no < 0 || yes + no > present.size())) {
        form.problem(FIELD_VOTES_AGAINST, "Tổng số phiếu (" + (yes + no) + ") không được vượt số thành viên có mặt ("
            + present.size() + ") và không được âm.");
      }
      String conclusion = form.choice(FIELD_COUNCIL_CONCLUSION, "Kết luận của Hội đồng", AppraisalCouncils.PASS,
          AppraisalCouncils.FAIL);
      String minutes = form.text(FIELD_COUNCIL_MINUTES);
      Map<String, Verdict> given = verdicts(form, lines);
      List<String> failed = CouncilVerdicts.failed(lines, given);
      if (AppraisalCouncils.PASS.equals(conclusion) && !failed.isEmpty()) {
        form.problem(FIELD_COUNCIL_CONCLUSION, contradicted(failed, "Hội đồng"));
      }
      if (AppraisalCouncils.FAIL.equals(conclusion) && minutes == null && failed.isEmpty()) {
        form.problem(FIELD_COUNCIL_MINUTES, "Cần ghi lý do Hội đồng kết luận không đạt (hoặc đánh giá «không đạt»"
            + " ở chỉ tiêu không đạt, kèm lý do).");
      }
      if (conclusion != null && yes != null && no != null && !form.hasProblems()) {
        boolean byRule = rule.passes(yes.intValue(), c.members().size(), present.size());
        if (byRule != AppraisalCouncils.PASS.equals(conclusion)) {
          form.problem(FIELD_COUNCIL_CONCLUSION, "Theo quy tắc biểu quyết (" + rule.describe() + "), " + yes + "/"
              + c.members().size() + " phiếu đạt là " + (byRule ? "ĐẠT" : "KHÔNG ĐẠT") + ".");
        }
      }
      form.throwIfInvalid("Biên bản họp Hội đồng");
      boolean passed = AppraisalCouncils.PASS.equals(conclusion);
      Council done = councils.recordMeeting(c.id(), date, new HashSet<>(present), yes.intValue(), no.intValue(),
          passed, minutes, rule, failed);
      verdicts.record(c.id(), CouncilVerdicts.MINUTES, null, steps.actor(), lines, given, null);
      verdicts.record(c.id(), CouncilVerdicts.CONCLUSION, null, steps.actor(), lines, given, null);
      steps.dossiers.record(d.getId(), steps.actor(), passed ? "COUNCIL_PASSED" : "COUNCIL_FAILED", task.getName(),
          minutes, done.conclusion());
      steps.cleanUp(local);
      local.setVariable(VAR_COUNCIL_PASSED, passed);
    };
  }

  /** Ý kiến bằng văn bản của một thành viên: one task per member; only that member answers it. */
  @Bean
  TaskListener appraisalOpinionForm() {
    return task -> {
      Dossier d = steps.boundDossier(task);
      DelegateExecution local = task.getExecution();
      String member = (String) task.getVariable("councilMember");
      List<Line> lines = verdicts.lines(d);
      if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
        Council c = council(steps, councils, task);
        // the verdicts are the member's own (local to her instance): two members answering at once keep their own
        local.setVariablesLocal(CouncilVerdicts.prefill(lines));
        local.setVariableLocal(CouncilVerdicts.FIELD, CouncilVerdicts.summary(lines));
        local.setVariableLocal(SHOW_SUMMARY, steps.summary(d));
        local.setVariableLocal(SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(d.getId())));
        local.setVariableLocal(SHOW_COUNCIL, describe(c, councils.rule(d)));
        local.setVariableLocal(FIELD_OPINION, null);
        local.setVariableLocal(FIELD_OPINION_COMMENT, null);
        return;
      }
      if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        return;
      }
      steps.actors.requireUser(task, member);
      FormValues form = new FormValues(task);
      String opinion = form.choice(FIELD_OPINION, "Ý kiến", AppraisalCouncils.PASS, AppraisalCouncils.FAIL);
      String comment = form.text(FIELD_OPINION_COMMENT);
      Map<String, Verdict> given = verdicts(form, lines);
      List<String> failed = CouncilVerdicts.failed(lines, given);
      if (AppraisalCouncils.PASS.equals(opinion) && !failed.isEmpty()) {
        form.problem(FIELD_OPINION, contradicted(failed, "Ý kiến"));
      }
      if (AppraisalCouncils.FAIL.equals(opinion) && comment == null && failed.isEmpty()) {
        form.problem(FIELD_OPINION_COMMENT, "Cần ghi lý do không đạt (hoặc đánh giá «không đạt» ở chỉ tiêu không đạt,"
            + " kèm lý do).");
      }
      form.throwIfInvalid("Ý kiến thành viên Hội đồng");
      Council c = council(steps, councils, task);
      councils.recordOpinion(c.id(), member, opinion, comment);
      verdicts.record(c.id(), CouncilVerdicts.OPINION, member, member, lines, given, null);
      steps.dossiers.record(d.getId(), member, "COUNCIL_OPINION", task.getName(), comment,
          AppraisalCouncils.PASS.equals(opinion) ? "Đạt" : "Không đạt");
      List<String> drop = new ArrayList<>(List.of(SHOW_SUMMARY, SHOW_EVALUATION, SHOW_COUNCIL, FIELD_OPINION,
          FIELD_OPINION_COMMENT));
      drop.addAll(CouncilVerdicts.variables(lines));
      local.removeVariablesLocal(drop);
    };
  }

  /** Every member answered: the rule of the data concludes. */
  @Bean
  JavaDelegate concludeAppraisalCouncil() {
    return execution -> {
      Dossier d = steps.boundDossier(execution);
      Council round = council(steps, councils, execution);
      Rule rule = councils.rule(d);
      List<Line> lines = verdicts.lines(d);
      Map<String, List<CouncilVerdicts.Row>> byMember = new java.util.LinkedHashMap<>();
      for (String m : round.userIds()) {
        List<CouncilVerdicts.Row> given = verdicts.latest(round.id(), CouncilVerdicts.OPINION, m);
        if (!given.isEmpty()) {
          byMember.put(m, given);
        }
      }
      Map<String, int[]> votes = new HashMap<>();
      Map<String, Verdict> concluded = CouncilVerdicts.concludeWritten(lines, byMember, round.members().size(), rule,
          votes);
      verdicts.record(round.id(), CouncilVerdicts.CONCLUSION, null, steps.actor(), lines, concluded, votes);
      Council c = councils.concludeWritten(round.id(), rule, CouncilVerdicts.failed(lines, concluded));
      boolean passed = AppraisalCouncils.PASSED.equals(c.outcome());
      steps.dossiers.record(d.getId(), steps.actor(), passed ? "COUNCIL_PASSED" : "COUNCIL_FAILED",
          execution.getCurrentActivityName(), null, c.conclusion());
      steps.cleanUp(execution);
      execution.setVariable(VAR_COUNCIL_PASSED, passed);
    };
  }

  /**
   * The council concluded "đạt": the Báo cáo thẩm định is issued (signed, stored, checkable at /kiem-tra) and the
   * dossier goes with the draft decision to the competent signer (K2 đ).
   */
  @Bean
  JavaDelegate appraisalReport() {
    return execution -> {
      Dossier d = steps.boundDossier(execution);
      Council c = council(steps, councils, execution);
      steps.dossiers.record(d.getId(), steps.actor(), "APPRAISAL_REPORT", execution.getCurrentActivityName(), null,
          "Hội đồng đánh giá kết luận đạt; báo cáo thẩm định và dự thảo quyết định trình "
              + d.getSignerTitle() + ". " + c.conclusion().lines().findFirst().orElse(""));
      councilDocuments.issueReport(d.getId(), c.id());
      steps.cleanUp(execution);
    };
  }

  /** The council's "không đạt" indicators, one line each: code, short text, the council's reason. */
  static List<String> failedIndicators(CouncilVerdicts verdicts, Council c) {
    return verdicts.conclusion(c.id()).stream().filter(r -> !r.passed()).map(CouncilSteps::line).toList();
  }

  static String line(CouncilVerdicts.Row r) {
    return "Chỉ tiêu " + r.code() + " (" + r.text() + "): không đạt" + (r.reason() == null ? "" : " — " + r.reason())
        + ".";
  }

  /** Văn bản trả lời không công nhận: the head of the receiving body signs it with the reasons (K2 d). */
  @Component("councilRefusalForm")
  static class RefusalForm extends FormStep {
    private final AppraisalCouncils councils;
    private final CouncilVerdicts verdicts;

    RefusalForm(StepSupport steps, Candidates candidates, AppraisalCouncils councils, CouncilVerdicts verdicts) {
      super(steps, candidates);
      this.councils = councils;
      this.verdicts = verdicts;
    }

    @Override
    protected void show(DelegateTask task, Long id) {
      Dossier d = steps.dossiers.get(id);
      Council c = council(steps, councils, task);
      Map<String, Object> vars = new HashMap<>();
      vars.put(SHOW_SUMMARY, steps.summary(d));
      vars.put(SHOW_EVALUATION, Reports.evaluation(steps.dossiers.latestEvaluation(id)));
      vars.put(SHOW_COUNCIL, describe(c, councils.rule(d)) + "\n" + c.conclusion());
      List<String> reasons = new ArrayList<>();
      reasons.add("Hội đồng đánh giá kết luận hồ sơ không đạt.");
      failedIndicators(verdicts, c).forEach(reasons::add);
      if (c.minutes() != null) {
        reasons.add(c.minutes());
      }
      c.members().stream().filter(m -> AppraisalCouncils.FAIL.equals(m.opinion()) && m.comment() != null)
          .forEach(m -> reasons.add(m.comment()));
      vars.put(FIELD_REFUSAL_REASONS, String.join("\n", reasons));
      steps.show(task, vars);
    }

    @Override
    protected void complete(DelegateTask task, Long id) {
      FormValues form = new FormValues(task);
      String reasons = form.requiredText(FIELD_REFUSAL_REASONS, "Lý do không đạt");
      form.throwIfInvalid("Văn bản trả lời");
      // the letter names every indicator the council found "không đạt", whatever the head kept of the prefilled text
      Council c = council(steps, councils, task);
      List<String> missing = new ArrayList<>();
      for (CouncilVerdicts.Row r : verdicts.conclusion(c.id())) {
        if (!r.passed() && !reasons.contains(r.code())) {
          missing.add(line(r));
        }
      }
      if (!missing.isEmpty()) {
        reasons = reasons + "\n" + String.join("\n", missing);
      }
      steps.dossiers.record(id, steps.actor(), "COUNCIL_REFUSED", task.getName(), reasons,
          "Ký văn bản trả lời, nêu rõ lý do không đạt");
      steps.cleanUp(task);
    }
  }
}
