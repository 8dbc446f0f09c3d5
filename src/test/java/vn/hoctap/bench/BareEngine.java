package vn.hoctap.bench;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import vn.hoctap.engine.AuthorizedGroupsPlugin;

/**
 * The limit: a bare Camunda engine (no Spring, no application) on the same kind of database with the
 * application's engine settings (application.yaml: history activity, the authorization check without the scan of all groups (AuthorizedGroupsPlugin), numeric ids from the engine's block
 * allocator, JDBC batching, authorization on, TASK_WORK for candidate groups, a Hikari pool of 10, the Spin
 * plugin), running the learning-unit chain's BPMN shape with no-op delegates and no domain data.
 */
final class BareEngine implements AutoCloseable {

  static final String KEY = "bare-learning-unit";
  static final String APPRAISAL_KEY = "bare-recognition-appraisal";

  final ProcessEngine engine;
  private final HikariDataSource dataSource;

  BareEngine(BenchDatabase db) {
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(db.bareJdbcUrl());
    hc.setUsername(db.user());
    hc.setPassword("");
    hc.setMaximumPoolSize(10);
    dataSource = new HikariDataSource(hc);
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setProcessEngineName("bare-bench");
    cfg.setDataSource(dataSource);
    cfg.setDatabaseSchemaUpdate("true");
    cfg.setHistory("activity");
    // numeric ids from the engine's block allocator: DbIdGenerator is the default of a standalone engine
    cfg.setJdbcBatchProcessing(true);
    cfg.setAuthorizationEnabled(true);
    cfg.setJobExecutorActivate(false);
    cfg.setDefaultUserPermissionNameForTask("TASK_WORK");
    cfg.setGeneralResourceWhitelistPattern("[a-zA-Z0-9._-]+");
    cfg.setHistoryTimeToLive("P3650D");
    cfg.setHistoryCleanupBatchWindowStartTime("01:00");
    cfg.setHistoryCleanupBatchWindowEndTime("05:00");
    Map<Object, Object> beans = new HashMap<>();
    beans.put("noop", new NoOp());
    beans.put("recordRecognition", new Recognised());
    cfg.setBeans(beans);
    cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    cfg.getProcessEnginePlugins().add(new AuthorizedGroupsPlugin());
    engine = cfg.buildProcessEngine();
    BpmnModelInstance main = model();
    engine.getRepositoryService().createDeployment().name("bare").addModelInstance(KEY + ".bpmn", main)
        .addModelInstance(APPRAISAL_KEY + ".bpmn", appraisalModel).deploy();
    grantAll(Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
    grantAll(Resources.PROCESS_DEFINITION, KEY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
  }

  /** What the application's delegates do, minus the domain: nothing. */
  public static final class NoOp implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {}
  }

  /** The routing variables the application keeps on an instance, with the bare engine's own values. */
  static Map<String, Object> startVariables(Province.Unit u) {
    Map<String, Object> v = new HashMap<>();
    v.put("dossierId", (long) u.code().hashCode());
    v.put("level", 1);
    v.put("teamGroup", u.teamGroup());
    v.put("headGroup", u.headGroup());
    v.put("reviewerGroup", u.district().reviewerGroup());
    v.put("signerGroup", u.district().signerGroup());
    v.put("unitSupervisorGroup", u.district().reviewerGroup());
    v.put("bodySupervisorGroup", "reviewer-HN");
    // the application reads these from the council it stored for the dossier; the bare engine from variables
    v.put("directorGroup", u.district().directorGroup());
    v.put("councilSecretary", u.district().secretary());
    v.put("councilMemberList", new java.util.ArrayList<>(u.district().council()));
    return v;
  }

  /** The routing decisions of each step, nothing else. */
  static Map<String, Object> stepVariables(ChainDriver.Step step, Province.Unit unit) {
    return switch (step) {
      case SELF_ASSESSMENT -> Map.of();
      case HEAD_REVIEW -> Map.of("headDecision", "SUBMIT");
      case CHECK_COMPLETENESS -> Map.of("dossierComplete", true);
      case APPRAISE -> Map.of("appraisalRecommendation", "RECOGNISE", "criteriaOutcome", "MET");
      case SET_UP_COUNCIL -> Map.of("councilMode", "MEETING");
      case COUNCIL_MINUTES -> Map.of("councilPassed", true);
      case DECIDE -> Map.of("signerDecision", "APPROVE");
    };
  }

  /**
   * The application's shape (processes/learning-unit-recognition.bpmn calling processes/recognition-appraisal.bpmn):
   * the same activities, sub-processes, non-interrupting deadline timers, gateways (with their default flows),
   * conditions and call activity (business key, all variables in; "recognised" out); delegates are no-ops (the one
   * recording the recognition sets "recognised"), user tasks have no listeners or forms, timer dates are constants
   * instead of the deadline service.
   */
  static BpmnModelInstance model() {
    String noop = "${noop}";
    BpmnModelInstance m = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(3650)
        .startEvent("StartEvent_DossierRequested")
        .serviceTask("Task_OpenDossier").camundaDelegateExpression(noop)
        .subProcess("SubProcess_Preparation").embeddedSubProcess()
          .startEvent("StartEvent_Preparation")
          .userTask("Task_SelfAssessment").camundaCandidateGroups("${teamGroup}")
          .serviceTask("Task_EvaluateSelfAssessment").camundaDelegateExpression(noop)
          .userTask("Task_HeadReview").camundaCandidateGroups("${headGroup}")
          .exclusiveGateway("Gateway_Review")
            .condition("Trả lại Tổ đánh giá", "${headDecision == 'SEND_BACK'}").connectTo("Task_SelfAssessment")
          .moveToNode("Gateway_Review")
          .endEvent("EndEvent_PreparationDone")
        .subProcessDone()
        .boundaryEvent("Timer_SubmissionReminder").cancelActivity(false).timerWithDate("2027-01-08T09:00:00")
          .serviceTask("Task_RemindSubmission").camundaDelegateExpression(noop).endEvent("EndEvent_SubmissionReminded")
        .moveToActivity("SubProcess_Preparation")
        .boundaryEvent("Timer_SubmissionOverdue").cancelActivity(false).timerWithDate("2027-01-16T00:00:00")
          .serviceTask("Task_EscalateSubmission").camundaDelegateExpression(noop)
          .endEvent("EndEvent_SubmissionEscalated")
        .moveToActivity("SubProcess_Preparation")
        .exclusiveGateway("Gateway_SubmitOrWithdraw")
          .condition("Rút hồ sơ", "${headDecision == 'WITHDRAW'}").endEvent("EndEvent_Withdrawn")
        .moveToNode("Gateway_SubmitOrWithdraw")
        .callActivity("CallActivity_Appraisal").calledElement(APPRAISAL_KEY).camundaCalledElementBinding("deployment")
          .camundaInBusinessKey("#{execution.processBusinessKey}").camundaOut("recognised", "recognised")
        .exclusiveGateway("Gateway_Recognised")
          .condition("Đã công nhận", "${recognised}").endEvent("EndEvent_Recognised")
        .moveToNode("Gateway_Recognised")
        .endEvent("EndEvent_Refused")
        .done();
    BpmnModelInstance appraisal = Bpmn.createExecutableProcess(APPRAISAL_KEY).camundaHistoryTimeToLive(3650)
        .startEvent("StartEvent_Received")
        .subProcess("SubProcess_Appraisal").embeddedSubProcess()
          .startEvent("StartEvent_Appraisal")
          .userTask("Task_CheckCompleteness").camundaCandidateGroups("${reviewerGroup}")
          .exclusiveGateway("Gateway_Complete")
            .condition("Thiếu: trả lại bổ sung", "${!dossierComplete}")
            .userTask("Task_Supplement").camundaCandidateGroups("${teamGroup},${headGroup}")
            .serviceTask("Task_EvaluateSupplement").camundaDelegateExpression(noop)
            .connectTo("Task_CheckCompleteness")
          .moveToNode("Gateway_Complete")
          .userTask("Task_Appraise").camundaCandidateGroups("${reviewerGroup}")
          .serviceTask("Task_EvaluateVerified").camundaDelegateExpression(noop)
          .exclusiveGateway("Gateway_AppraisalResult")
            .condition("Đạt và đề nghị công nhận",
                "${criteriaOutcome == 'MET' && appraisalRecommendation == 'RECOGNISE'}")
            .userTask("Task_SetUpCouncil").camundaCandidateGroups("${directorGroup}")
            .exclusiveGateway("Gateway_CouncilMode")
              .condition("Lấy ý kiến bằng văn bản", "${councilMode == 'WRITTEN'}")
              .userTask("Task_CouncilOpinion").camundaCandidateUsers("${councilMember}")
                .multiInstance().camundaCollection("${councilMemberList}").camundaElementVariable("councilMember")
                .multiInstanceDone()
              .serviceTask("Task_ConcludeCouncil").camundaDelegateExpression(noop)
              .exclusiveGateway("Gateway_CouncilResult")
                .condition("Đạt", "${councilPassed}")
                .serviceTask("Task_AppraisalReport").camundaDelegateExpression(noop)
                .userTask("Task_Decide").camundaCandidateGroups("${signerGroup}")
                .endEvent("EndEvent_Decided")
              .moveToNode("Gateway_CouncilResult")
                .userTask("Task_SignRefusal").camundaCandidateGroups("${directorGroup}")
                .endEvent("EndEvent_CouncilRefused")
            .moveToNode("Gateway_CouncilMode")
              .userTask("Task_CouncilMinutes").camundaCandidateUsers("${councilSecretary}")
              .connectTo("Gateway_CouncilResult")
          .moveToNode("Gateway_AppraisalResult")
          .endEvent("EndEvent_NotProposed")
        .subProcessDone()
        .boundaryEvent("Timer_DecisionReminder").cancelActivity(false).timerWithDate("2027-02-08T09:00:00")
          .serviceTask("Task_RemindDecision").camundaDelegateExpression(noop).endEvent("EndEvent_DecisionReminded")
        .moveToActivity("SubProcess_Appraisal")
        .boundaryEvent("Timer_DecisionOverdue").cancelActivity(false).timerWithDate("2027-02-16T00:00:00")
          .serviceTask("Task_EscalateDecision").camundaDelegateExpression(noop)
          .endEvent("EndEvent_DecisionEscalated")
        .moveToActivity("SubProcess_Appraisal")
        .exclusiveGateway("Gateway_Recognise")
          .condition("Người có thẩm quyền đồng ý", "${execution.getVariable('signerDecision') == 'APPROVE'}")
          .serviceTask("Task_RecordRecognition").camundaDelegateExpression("${recordRecognition}")
          .endEvent("EndEvent_AppraisalRecognised")
        .moveToNode("Gateway_Recognise")
        .serviceTask("Task_RecordRefusal").camundaDelegateExpression(noop).endEvent("EndEvent_AppraisalRefused")
        .done();
    // <camunda:in variables="all"/>, which the fluent builder does not offer
    CallActivity call = m.getModelElementById("CallActivity_Appraisal");
    CamundaIn all = m.newInstance(CamundaIn.class);
    all.setCamundaVariables("all");
    call.getExtensionElements().addChildElement(all);
    defaults(m);
    defaults(appraisal);
    appraisalModel = appraisal;
    return m;
  }

  /** As in the application's models: the flow without a condition is the gateway's default flow. */
  private static void defaults(BpmnModelInstance m) {
    for (ExclusiveGateway g : m.getModelElementsByType(ExclusiveGateway.class)) {
      for (SequenceFlow f : g.getOutgoing()) {
        if (f.getConditionExpression() == null) {
          g.setDefault(f);
        }
      }
    }
    Bpmn.validateModel(m);
  }

  private static BpmnModelInstance appraisalModel;

  /** Records the outcome as the application's delegate does, minus the domain: the routing variable only. */
  public static final class Recognised implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("recognised", true);
    }
  }

  private void grantAll(Resource resource, String resourceId, Permission... permissions) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    a.setResource(resource);
    a.setResourceId(resourceId);
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  @Override
  public void close() {
    engine.close();
    dataSource.close();
  }
}
