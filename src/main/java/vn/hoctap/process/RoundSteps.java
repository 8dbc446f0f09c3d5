package vn.hoctap.process;

import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.hoctap.citizen.Round;
import vn.hoctap.citizen.RoundEntry;
import vn.hoctap.citizen.RoundRoute;
import vn.hoctap.citizen.RoundService;
import vn.hoctap.citizen.RoundStatus;
import vn.hoctap.citizen.Subject;
import vn.hoctap.common.DomainException;
import vn.hoctap.engine.Actors;

/**
 * The steps of processes/assessment-round.bpmn, thin over {@link RoundService}: each form shows the round's
 * figures on create and, on complete, validates and records the step or refuses and records nothing.
 */
final class RoundSteps {

  private RoundSteps() {}

  /** What every round step needs: the round behind the instance, the acting user, the clean-up of form data. */
  @Component
  static class Support {
    final RoundService rounds;
    private final IdentityService identity;
    private final Candidates candidates;
    private final ActorCheck actors;

    Support(RoundService rounds, IdentityService identity, Candidates candidates, ActorCheck actors) {
      this.rounds = rounds;
      this.identity = identity;
      this.candidates = candidates;
      this.actors = actors;
    }

    /** The round bound to the task's instance, after checking the acting user is of the step's competent body. */
    long boundRound(DelegateTask task, boolean completing) {
      Round r = candidates.boundRound(task);
      if (completing) {
        RoundRoute route = rounds.route(r);
        actors.requireMember(task, List.of(switch (task.getTaskDefinitionKey()) {
          case TASK_PREPARE, TASK_FIX -> route.preparerGroup();
          case TASK_REVIEW -> route.reviewerGroup();
          case TASK_DECIDE -> route.deciderGroup();
          default -> throw new IllegalStateException("Bước không có trong quy trình đợt đánh giá: "
              + task.getTaskDefinitionKey());
        }));
      }
      return r.id();
    }

    static long roundId(org.camunda.bpm.engine.delegate.VariableScope scope) {
      Object id = scope.getVariable(VAR_ROUND_ID);
      if (id == null) {
        throw new IllegalStateException("Quy trình không có biến roundId");
      }
      return ((Number) id).longValue();
    }

    String actor() {
      return Actors.current(identity);
    }

    String summary(long roundId) {
      return rounds.stepSummary(roundId);
    }

    String returned(long roundId) {
      return rounds.returnedText(roundId);
    }

    void show(DelegateTask task, Map<String, Object> vars) {
      task.getExecution().setVariables(vars);
    }

    void cleanUp(DelegateExecution execution) {
      Set<String> names = new HashSet<>(execution.getVariableNames());
      names.removeAll(ROUTING_VARIABLES);
      execution.removeVariables(names);
    }
  }

  abstract static class Step implements TaskListener {
    final Support support;

    Step(Support support) {
      this.support = support;
    }

    @Override
    public final void notify(DelegateTask task) {
      long id = support.boundRound(task, EVENTNAME_COMPLETE.equals(task.getEventName()));
      if (EVENTNAME_CREATE.equals(task.getEventName())) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(FIELD_SUMMARY, support.summary(id));
        String returned = support.returned(id);
        vars.put(FIELD_RETURNED, returned);
        support.show(task, vars);
      } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
        complete(task, id, new FormValues(task), support.actor());
        support.cleanUp(task.getExecution());
      }
    }

    /**
     * Applies the typed lines, each on top of the entry as it is: "số định danh: NL2.1=8,5; họ tên=…; năm
     * sinh=1981; nhận định=Đạt". Where {@code allowNew}, a number not yet in the round adds an entry, which then
     * names its population: "đối tượng=OFFICIAL" (or the Vietnamese name of the population). Any wrong line
     * refuses the whole step and nothing is saved.
     */
    void applyEntries(long roundId, String text, String actor, boolean allowNew) {
      for (String line : text.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        int colon = line.indexOf(':');
        String id = colon < 0 ? line.strip() : line.substring(0, colon).strip();
        RoundEntry e = support.rounds.entry(roundId, id).orElse(null);
        if (e == null && !allowNew) {
          throw DomainException.badInput("Dòng sửa \"" + line.strip() + "\": cần dạng \"số định danh: NL2.1=8,5;"
              + " năm sinh=1981\", với số định danh có trong danh sách của đợt.");
        }
        Map<String, String> scores = new LinkedHashMap<>();
        Subject subject = null;
        String name = null;
        String birthYear = null;
        String judgement = null;
        if (e != null) {
          e.scores().forEach((k, v) -> scores.put(k, v.stripTrailingZeros().toPlainString()));
          subject = e.subject();
          name = e.fullName();
          birthYear = e.birthYear() == null ? null : e.birthYear().toString();
          judgement = e.judgement();
        }
        for (String part : colon < 0 ? new String[0] : line.substring(colon + 1).split(";")) {
          int eq = part.indexOf('=');
          if (part.isBlank()) {
            continue;
          }
          if (eq <= 0) {
            throw DomainException.badInput("Dòng của " + id + ": \"" + part.strip() + "\" cần dạng"
                + " \"mã chỉ tiêu=điểm\".");
          }
          String key = part.substring(0, eq).strip();
          String value = part.substring(eq + 1).strip();
          switch (key.toLowerCase(java.util.Locale.ROOT)) {
            case "họ tên", "tên" -> name = value;
            case "năm sinh" -> birthYear = value;
            case "nhận định" -> judgement = value;
            case "đối tượng" -> subject = e != null ? e.subject() : subjectNamed(id, value);
            default -> scores.put(key, value);
          }
        }
        if (subject == null) {
          throw DomainException.badInput("Dòng của " + id + ": số định danh chưa có trong đợt; thêm mới cần"
              + " \"đối tượng=…\", một trong: " + subjectNames() + ".");
        }
        support.rounds.saveEntry(roundId, subject, id, name, birthYear, scores, judgement, actor);
      }
    }

    private static Subject subjectNamed(String id, String value) {
      for (Subject s : Subject.values()) {
        if (s.name().equalsIgnoreCase(value) || s.label().equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw DomainException.badInput("Dòng của " + id + ": đối tượng \"" + value + "\" không có; dùng một trong: "
          + subjectNames() + ".");
    }

    private static String subjectNames() {
      return String.join("; ", java.util.Arrays.stream(Subject.values()).map(Subject::label).toList());
    }

    abstract void complete(DelegateTask task, long roundId, FormValues form, String actor);
  }

  /** Lập danh sách, tự đánh giá: the list is imported or entered; completing sends it to the review. */
  @Component("roundPrepareForm")
  static class Prepare extends Step {
    Prepare(Support support) {
      super(support);
    }

    @Override
    void complete(DelegateTask task, long roundId, FormValues form, String actor) {
      support.rounds.lock(roundId);
      String entries = form.text(FIELD_CORRECTIONS);
      if (entries != null) {
        applyEntries(roundId, entries, actor, true);
      }
      if (support.rounds.counts(roundId).entries() == 0) {
        throw DomainException.rule("Danh sách của đợt đánh giá còn trống: hãy nhập tệp hoặc từng mục trước khi"
            + " gửi xét duyệt.");
      }
      support.rounds.moveTo(roundId, RoundStatus.IN_REVIEW);
      support.rounds.record(roundId, actor, "SUBMITTED", task.getName(), form.text(FIELD_COMMENT),
          "Gửi danh sách xét duyệt");
    }
  }

  /** Xét duyệt danh sách: approve all, or return named entries, one per line "số định danh: lý do". */
  @Component("roundReviewForm")
  static class Review extends Step {
    Review(Support support) {
      super(support);
    }

    @Override
    void complete(DelegateTask task, long roundId, FormValues form, String actor) {
      String outcome = form.choice(VAR_REVIEW_OUTCOME, "Kết quả xét duyệt", APPROVE_ALL, RETURN);
      Map<String, String> reasons = new LinkedHashMap<>();
      if (APPROVE_ALL.equals(outcome) && form.text(FIELD_RETURN_LIST) != null) {
        form.problem(FIELD_RETURN_LIST, "Đã ghi các mục trả lại nhưng lại chọn duyệt toàn bộ: chọn \"Trả lại các mục"
            + " nêu tên để sửa\", hoặc xóa các mục trả lại nếu duyệt toàn bộ.");
      }
      if (RETURN.equals(outcome)) {
        String list = form.text(FIELD_RETURN_LIST);
        if (list == null) {
          form.problem(FIELD_RETURN_LIST, "Cần ghi các mục trả lại, mỗi dòng \"số định danh: lý do\".");
        } else {
          int line = 0;
          for (String l : list.split("\\R")) {
            line++;
            if (l.isBlank()) {
              continue;
            }
            int colon = l.indexOf(':');
            if (colon <= 0) {
              form.problem(FIELD_RETURN_LIST, "Dòng " + line + " (\"" + l.strip() + "\"): cần dạng \"số định danh: lý do\".");
            } else {
              reasons.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
            }
          }
        }
      }
      form.throwIfInvalid("Kết quả xét duyệt");
      if (RETURN.equals(outcome)) {
        support.rounds.returnEntries(roundId, reasons, actor, task.getName());
      } else {
        support.rounds.lock(roundId);
        support.rounds.moveTo(roundId, RoundStatus.AWAITING_DECISION);
        support.rounds.record(roundId, actor, "APPROVED", task.getName(), form.text(FIELD_COMMENT),
            "Duyệt toàn bộ danh sách, trình quyết định công nhận");
      }
      task.getExecution().setVariable(VAR_REVIEW_OUTCOME, outcome);
    }
  }

  /** Sửa các mục bị trả lại: completes only once every returned entry has been corrected. */
  @Component("roundFixForm")
  static class Fix extends Step {
    Fix(Support support) {
      super(support);
    }

    @Override
    void complete(DelegateTask task, long roundId, FormValues form, String actor) {
      support.rounds.lock(roundId);
      String corrections = form.text(FIELD_CORRECTIONS);
      if (corrections != null) {
        applyEntries(roundId, corrections, actor, false);
      }
      String left = support.rounds.returnedIdentities(roundId);
      if (!left.isEmpty()) {
        throw DomainException.rule("Còn mục bị trả lại chưa sửa: " + left + ". Sửa từng mục"
            + " trong ô sửa của bước này rồi hoàn thành bước.");
      }
      support.rounds.moveTo(roundId, RoundStatus.IN_REVIEW);
      support.rounds.record(roundId, actor, "RESUBMITTED", task.getName(), form.text(FIELD_COMMENT),
          "Đã sửa các mục bị trả lại, gửi xét duyệt lại");
    }
  }

  /** Ký quyết định công nhận: recognise everyone who passed under one numbered decision, or refuse with a reason. */
  @Component("roundDecisionForm")
  static class Decide extends Step {
    Decide(Support support) {
      super(support);
    }

    @Override
    void complete(DelegateTask task, long roundId, FormValues form, String actor) {
      String decision = form.choice(VAR_DECISION, "Quyết định", RECOGNISE, REFUSE);
      String comment = form.text(FIELD_COMMENT);
      if (REFUSE.equals(decision) && comment == null) {
        form.problem("Cần ghi lý do không công nhận.");
      }
      form.throwIfInvalid("Quyết định công nhận");
      if (RECOGNISE.equals(decision)) {
        support.rounds.recognise(roundId, actor, task.getName(), comment);
      } else {
        support.rounds.refuse(roundId, actor, task.getName(), comment);
      }
      task.getExecution().setVariable(VAR_DECISION, decision);
    }
  }

  /** Thông báo kết quả: to the round's preparers and reviewers, with the link to the list of those recognised. */
  @Component("notifyRoundOutcome")
  static class Notify implements JavaDelegate {
    private final Support support;

    Notify(Support support) {
      this.support = support;
    }

    @Override
    public void execute(DelegateExecution execution) {
      support.rounds.notifyOutcome(Support.roundId(execution));
    }
  }
}
