package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Kiểm tra tính đầy đủ: the receiving body accepts the dossier or returns it for supplement with reasons. The return
 * is a local practice, not in TT24/TT25 (LEGAL-TEXTS.md §1.7): allowed where the council rule of the data says so
 * (appraisal_council_rule.return_for_supplement, default on, "chờ xác nhận văn bản").
 */
@Component("completenessCheckForm")
class CompletenessCheckListener extends FormStep {

  private final vn.hoctap.procedure.AppraisalCouncils councils;

  CompletenessCheckListener(StepSupport steps, Candidates candidates, vn.hoctap.procedure.AppraisalCouncils councils) {
    super(steps, candidates);
    this.councils = councils;
  }

  @Override
  protected void complete(DelegateTask task, Long id) {
    FormValues form = new FormValues(task);
    String verdict = form.choice(FIELD_COMPLETENESS, "Kết quả kiểm tra hồ sơ", COMPLETE, INCOMPLETE);
    String comment = form.text(FIELD_COMPLETENESS_COMMENT);
    if (INCOMPLETE.equals(verdict) && comment == null) {
      form.problem(FIELD_COMPLETENESS_COMMENT, "Cần ghi rõ nội dung yêu cầu bổ sung.");
    }
    if (INCOMPLETE.equals(verdict) && !councils.rule(steps.dossiers.get(id)).returnForSupplement()) {
      form.problem(FIELD_COMPLETENESS, "Trả lại hồ sơ để bổ sung không có trong Thông tư 24/2023, 25/2023 và đã được"
          + " tắt trong cấu hình của tỉnh: hãy tiếp nhận hồ sơ; Hội đồng đánh giá kết luận trên hồ sơ đã nộp.");
    }
    form.throwIfInvalid("Kết quả kiểm tra hồ sơ");
    if (COMPLETE.equals(verdict)) {
      // the complete dossier was received when this check began: the dossier's arrival, or its supplement's
      steps.workflow.acceptedComplete(id, steps.actor(), comment,
          task.getCreateTime().toInstant().atZone(vn.hoctap.common.EngineClock.ZONE).toLocalDate());
    } else {
      steps.workflow.returnedForSupplement(id, steps.actor(), comment);
    }
    steps.cleanUp(task);
    task.getExecution().setVariable(VAR_DOSSIER_COMPLETE, COMPLETE.equals(verdict));
  }
}
