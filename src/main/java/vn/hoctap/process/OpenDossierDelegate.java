package vn.hoctap.process;

import static vn.hoctap.process.RecognitionProcess.*;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierKind;
import vn.hoctap.dossier.Title;
import vn.hoctap.engine.Actors;
import vn.hoctap.procedure.TitleProcedure;

/**
 * Lập hồ sơ: turns the start form (applicant code, level, year, and optionally the dossier kind) into a dossier of the title named by the
 * activity's input parameter "title", after every check that can refuse it (the start is rolled back, so a
 * refused request leaves nothing behind). The dossier id becomes the business key and the route's groups the
 * routing variables.
 */
@Component("openDossier")
class OpenDossierDelegate implements JavaDelegate {

  private final StepSupport steps;
  private final IdentityService identity;
  private final Map<Title, TitleProcedure> procedures;
  private final DossierInstanceGrants grants;

  OpenDossierDelegate(StepSupport steps, IdentityService identity, List<TitleProcedure> procedures,
      DossierInstanceGrants grants) {
    this.steps = steps;
    this.identity = identity;
    this.grants = grants;
    this.procedures = procedures.stream().collect(Collectors.toMap(TitleProcedure::title, Function.identity()));
  }

  @Override
  public void execute(DelegateExecution execution) {
    Title title = Title.valueOf((String) execution.getVariableLocal("title"));
    FormValues form = new FormValues(execution);
    String applicantCode = form.requiredText(VAR_UNIT_CODE, "Mã đơn vị");
    Long level = form.wholeNumber(VAR_LEVEL, "Mức độ đề nghị");
    Long year = form.wholeNumber(VAR_ASSESSMENT_YEAR, "Năm đánh giá");
    form.throwIfInvalid("Đề nghị công nhận");
    // optional: without it the kind is derived from the applicant's recognitions
    DossierKind kind = DossierKind.parse(execution.getVariable(VAR_DOSSIER_KIND));
    Dossier d = steps.workflow.open(procedures.get(title), applicantCode, level == null ? null : level.intValue(),
        year == null ? null : year.intValue(), kind, Actors.current(identity), Actors.groups(identity));
    steps.dossiers.attachProcess(d.getId(), execution.getProcessInstanceId());
    grants.grant(execution.getProcessInstanceId(), d);
    steps.cleanUp(execution);
    execution.setProcessBusinessKey(String.valueOf(d.getId()));
    // the ids only: who works on each step is derived from the dossier when the step is created (Candidates)
    execution.setVariable(VAR_DOSSIER_ID, d.getId());
    execution.setVariable(VAR_LEVEL, d.getLevel());
  }
}
