package vn.hoctap.citizen;

import static vn.hoctap.process.AssessmentRoundProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.engine.EngineQueries;
import vn.hoctap.engine.InstanceGrants;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.security.CurrentUser;

/** Opens a round and starts its process instance in one transaction: either both exist or neither. */
@Service
public class RoundWorkflow {

  private static final Logger LOG = LoggerFactory.getLogger(RoundWorkflow.class);

  private final RoundService rounds;
  private final RuntimeService runtime;
  private final IdentityService identity;

  private final InstanceGrants grants;
  private final EngineQueries engine;

  RoundWorkflow(RoundService rounds, RuntimeService runtime, IdentityService identity, InstanceGrants grants,
      EngineQueries engine) {
    this.grants = grants;
    this.engine = engine;
    this.rounds = rounds;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** "round-&lt;id&gt;": apart from the dossiers' business keys (their ids), which share the engine. */
  public static String businessKey(long roundId) {
    return "round-" + roundId;
  }

  /** Only the body's own preparers (or an administrator) open its round. */
  @Transactional
  public Round start(RoundKind kind, String orgCode, int year, CurrentUser user) {
    OrgUnit org = rounds.org(orgCode);
    RoundRoute route = RoundRoute.of(kind, org);
    if (!user.admin() && !user.inAny(route.preparerGroup())) {
      throw DomainException.forbidden("Chỉ người lập danh sách của " + org.getName() + " (" + route.preparerRole()
          + ") mới mở đợt đánh giá này.");
    }
    Round r = rounds.open(kind, orgCode, year, user.id());
    Map<String, Object> vars = new HashMap<>();
    vars.put(VAR_ROUND_ID, r.id());
    // The preparer check above is the start rule; the instance is started by the application itself, so the
    // process is not offered to every user in the Tasklist's "Start process" (it has no start form).
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    ProcessInstance pi;
    try {
      pi = runtime.startProcessInstanceByKey(KEY, businessKey(r.id()), vars);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
    // Cockpit and the Camunda REST API show it to the body and those above it
    grants.grantReadAlongPath(pi.getId(), org);
    rounds.attachProcess(r.id(), pi.getId());
    return rounds.get(r.id());
  }

  /**
   * After a list changed outside a step (an upload, one entry entered or corrected), the open step's summary and
   * returned entries are read again, so the Tasklist's form shows the real count rather than the one of the moment
   * the step opened. Only a display: a failure is logged, never passed on to the upload that succeeded.
   */
  public void refreshOpenStep(long roundId) {
    try {
      Round r = rounds.get(roundId);
      if (r.processInstanceId() == null || r.status().closed()) {
        return;
      }
      String summary = rounds.stepSummary(roundId);
      String returned = rounds.returnedText(roundId);
      engine.asSystem(() -> {
        if (runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).count() > 0) {
          runtime.setVariable(r.processInstanceId(), FIELD_SUMMARY, summary);
          runtime.setVariable(r.processInstanceId(), FIELD_RETURNED, returned);
        }
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("Round {}: the open step's summary was not refreshed ({})", roundId, e.toString());
    }
  }
}
