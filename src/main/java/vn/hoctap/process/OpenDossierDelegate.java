package vn.hoctap.process;

import static vn.hoctap.process.LearningUnitProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.engine.Actors;
import vn.hoctap.org.Groups;

/**
 * Lập hồ sơ: turns the start form (unit code, level, year) into a dossier, after every check that can refuse it
 * (the start is rolled back, so a refused request leaves nothing behind). The dossier id becomes the business
 * key and the route's groups become the routing variables.
 */
@Component("openDossier")
class OpenDossierDelegate implements JavaDelegate {

  private final StepSupport steps;
  private final IdentityService identity;

  OpenDossierDelegate(StepSupport steps, IdentityService identity) {
    this.steps = steps;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues form = new FormValues(execution);
    String unitCode = form.requiredText(VAR_UNIT_CODE, "Mã đơn vị");
    Long level = form.wholeNumber(VAR_LEVEL, "Mức độ đề nghị");
    Long year = form.wholeNumber(VAR_ASSESSMENT_YEAR, "Năm đánh giá");
    form.throwIfInvalid("Đề nghị công nhận");
    Dossier d = steps.learningUnits.open(unitCode, level == null ? null : level.intValue(),
        year == null ? null : year.intValue(), Actors.current(identity), Actors.groups(identity));
    steps.dossiers.attachProcess(d.getId(), execution.getProcessInstanceId());
    steps.cleanUp(execution);
    execution.setProcessBusinessKey(String.valueOf(d.getId()));
    execution.setVariables(Map.of(
        VAR_DOSSIER_ID, d.getId(),
        VAR_LEVEL, d.getLevel(),
        VAR_TEAM_GROUP, Groups.team(d.getUnit().getCode()),
        VAR_HEAD_GROUP, Groups.head(d.getUnit().getCode()),
        VAR_REVIEWER_GROUP, Groups.reviewer(d.getReceivingOrg().getCode()),
        VAR_SIGNER_GROUP, Groups.signer(d.getSignerOrg().getCode()),
        VAR_UNIT_SUPERVISOR_GROUP, Groups.reviewer(d.getReceivingOrg().getCode()),
        VAR_BODY_SUPERVISOR_GROUP, Groups.supervisorOf(d.getReceivingOrg())));
  }
}
