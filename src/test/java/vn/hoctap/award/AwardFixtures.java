package vn.hoctap.award;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.process.AwardProcess;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.IdentityProvisioning;
import vn.hoctap.support.Fixtures;

/** Councils, signers and proposals for the award tests, acting as each user with the engine's checks on. */
@Component
class AwardFixtures {

  /** A council created for one test: its members (in order) and its secretary. */
  record Council(List<String> members, String secretary) {}

  private final IdentityProvisioning provisioning;
  private final IdentityService identity;
  private final TaskService tasks;
  private final AwardService awards;
  private final Fixtures fx;

  AwardFixtures(IdentityProvisioning provisioning, IdentityService identity, TaskService tasks, AwardService awards,
      Fixtures fx) {
    this.provisioning = provisioning;
    this.identity = identity;
    this.tasks = tasks;
    this.awards = awards;
    this.fx = fx;
  }

  Council council(String orgCode, int size) {
    List<String> members = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      String id = "hd" + i + "." + orgCode.toLowerCase();
      user(id, Groups.council(orgCode));
      members.add(id);
    }
    String secretary = "thuky." + orgCode.toLowerCase();
    user(secretary, Groups.councilSecretary(orgCode));
    return new Council(members, secretary);
  }

  String user(String id, String group) {
    provisioning.ensureUserSharingPassword(id, "Thử", "Người", id + "@test.hoctap.vn", DemoData.PASSWORD);
    provisioning.ensureGroup(group, group, "WORKFLOW");
    provisioning.ensureMembership(id, group);
    return id;
  }

  CurrentUser as(String user) {
    return new CurrentUser(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
  }

  Long propose(String user, ProposalRequest req) {
    return awards.propose(req, as(user));
  }

  static ProposalRequest request(String proposer, AwardForm form, int year, ProposalRequest.Candidate... cs) {
    return new ProposalRequest(proposer, form.name(), "Cả nước thi đua xây dựng xã hội học tập 2023–2030",
        PeriodKind.YEARLY.name(), year, "Tờ trình đề nghị khen thưởng năm " + year,
        "Báo cáo thành tích trong phong trào năm " + year, List.of(cs));
  }

  static ProposalRequest.Candidate person(String name, String orgCode, ProposalRequest.Achievement... as) {
    return new ProposalRequest.Candidate(CandidateKind.INDIVIDUAL.name(), name, orgCode, "Giáo viên",
        "Tích cực xây dựng xã hội học tập", List.of(as), List.of("Xác nhận của thủ trưởng đơn vị"));
  }

  static ProposalRequest.Candidate collective(String orgCode) {
    return new ProposalRequest.Candidate(CandidateKind.COLLECTIVE.name(), null, orgCode, null,
        "Đơn vị dẫn đầu phong trào", List.of(), List.of());
  }

  Long candidate(Long proposalId, int index) {
    return awards.proposal(proposalId, new CurrentUser("admin", List.of(Groups.ADMIN))).candidates().get(index).id();
  }

  String businessKey(Long candidateId) {
    return "award-" + candidateId;
  }

  List<Task> votes(Long candidateId) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey(candidateId))
        .taskDefinitionKey(AwardProcess.TASK_VOTE).orderByTaskId().asc().list();
  }

  /** The member the vote task belongs to (its candidate user). */
  String memberOf(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> l.getUserId() != null)
        .map(IdentityLink::getUserId).findFirst().orElseThrow();
  }

  void vote(Long candidateId, String member, String vote) {
    Task t = fx.as(member, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey(candidateId))
        .taskDefinitionKey(AwardProcess.TASK_VOTE).taskCandidateUser(member).singleResult());
    if (t == null) {
      throw new AssertionError(member + " has no vote task on candidate " + candidateId);
    }
    fx.as(member, () -> tasks.complete(t.getId(), Map.of(AwardProcess.FIELD_VOTE, vote,
        AwardProcess.FIELD_VOTE_COMMENT, "Ý kiến của " + member)));
  }

  void close(Long candidateId, String secretary) {
    Task t = fx.as(secretary, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey(candidateId))
        .taskDefinitionKey(AwardProcess.TASK_MINUTES).singleResult());
    if (t == null) {
      throw new AssertionError(secretary + " has no minutes task on candidate " + candidateId);
    }
    fx.as(secretary, () -> tasks.complete(t.getId(), Map.of()));
  }

  void sign(Long candidateId, String signer, String decision, String comment) {
    Task t = fx.as(signer, () -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey(candidateId))
        .taskDefinitionKey(AwardProcess.TASK_SIGN).singleResult());
    if (t == null) {
      throw new AssertionError(signer + " has no signing task on candidate " + candidateId);
    }
    java.util.HashMap<String, Object> form = new java.util.HashMap<>();
    form.put(AwardProcess.VAR_DECISION, decision);
    form.put(AwardProcess.FIELD_COMMENT, comment);
    fx.as(signer, () -> tasks.complete(t.getId(), form));
  }

  /** A school's Giấy khen list for 2025 whose council of three voted "đồng ý" and closed: waiting for its head. */
  record Passed(Council council, Long proposal, Long candidate) {}

  /** The school's head proposes {@code name} for a Giấy khen of 2025; a council of three passes it unanimously. */
  Passed giayKhenPassed(Fixtures.TestUnit school, String name) {
    Council council = council(school.code(), 3);
    Long proposal = propose(school.head(), request(school.code(), AwardForm.GIAY_KHEN, 2025,
        person(name, school.code())));
    Long c = candidate(proposal, 0);
    for (String m : council.members()) {
      vote(c, m, CouncilService.YES);
    }
    close(c, council.secretary());
    return new Passed(council, proposal, c);
  }
}
