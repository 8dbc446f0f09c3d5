package vn.hoctap.process;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.hoctap.admin.AuditLog;
import vn.hoctap.common.DomainException;
import vn.hoctap.web.PersonNames;

/**
 * The domain's own check on who records a step, behind the engine's candidate groups (defence in depth: even if
 * the engine were fooled into offering the task to someone else, nothing is recorded). The groups come from the
 * dossier, round or award candidate, never from a variable. The engine itself (timers, jobs, no logged-in user)
 * acts as the system. Each refusal is audited.
 */
@Component
class ActorCheck {

  private final IdentityService identity;
  private final AuditLog audit;

  private final PersonNames names;

  ActorCheck(IdentityService identity, @Lazy AuditLog audit, PersonNames names) {
    this.identity = identity;
    this.audit = audit;
    this.names = names;
  }

  /** The acting user must belong to one of the groups. */
  void requireMember(DelegateTask task, Collection<String> groups) {
    Authentication who = identity.getCurrentAuthentication();
    if (who == null || who.getUserId() == null) {
      return;
    }
    List<String> mine = who.getGroupIds() == null ? List.of() : who.getGroupIds();
    if (mine.stream().noneMatch(groups::contains)) {
      refuse(task, who.getUserId(), "Bạn không thuộc cơ quan có thẩm quyền ở bước \"" + task.getName() + "\";"
          + " không có gì được ghi nhận. (You do not belong to the body competent for this step.)");
    }
  }

  /** The acting user must be this person (a council member's own vote). */
  void requireUser(DelegateTask task, String userId) {
    Authentication who = identity.getCurrentAuthentication();
    if (who != null && who.getUserId() != null && !who.getUserId().equals(userId)) {
      refuse(task, who.getUserId(), "Phiếu này của thành viên " + names.of(userId) + "; mỗi thành viên tự biểu quyết."
          + " Không có gì được ghi nhận.");
    }
  }

  private void refuse(DelegateTask task, String actor, String message) {
    audit.refused(actor, "task " + task.getId() + " (" + task.getTaskDefinitionKey() + ")", message);
    throw DomainException.forbidden(message);
  }
}
