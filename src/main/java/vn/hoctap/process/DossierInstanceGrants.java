package vn.hoctap.process;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.engine.InstanceGrants;

/**
 * The engine-side jurisdiction of a dossier's process instances: the applicant and every body above it (so a
 * province sees all its districts' dossiers, a district all its schools'), plus the bodies on its route (the
 * Ministry for a province's dossier). As a start listener ("${grantJurisdiction}") it covers a called
 * procedure, whose business key is the dossier id.
 */
@Component("grantJurisdiction")
public class DossierInstanceGrants implements ExecutionListener {

  private final InstanceGrants grants;
  private final DossierService dossiers;

  DossierInstanceGrants(InstanceGrants grants, DossierService dossiers) {
    this.grants = grants;
    this.dossiers = dossiers;
  }

  public void grant(String processInstanceId, Dossier d) {
    grants.grantRead(processInstanceId, orgsOf(d));
  }

  static Set<String> orgsOf(Dossier d) {
    Set<String> codes = new LinkedHashSet<>();
    Arrays.stream(d.getUnit().getPath().split("/")).filter(s -> !s.isEmpty()).forEach(codes::add);
    codes.add(d.getReceivingOrg().getCode());
    codes.add(d.getSignerOrg().getCode());
    return codes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    grant(execution.getProcessInstanceId(), dossiers.get(Long.valueOf(execution.getProcessBusinessKey())));
  }
}
