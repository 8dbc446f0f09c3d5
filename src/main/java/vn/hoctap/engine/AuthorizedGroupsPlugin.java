package vn.hoctap.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Removes a cost that grows with the number of open tasks from every command that checks an authorization.
 * Camunda 7.24 first reads every distinct group of ACT_RU_AUTHORIZATION ({@code selectAuthorizedGroupIds}) to drop
 * the user's groups that have no authorization at all. hoctap grants each open task to its candidate groups, so
 * at 100,000 open tasks that statement returns about 60,000 groups, for every task query, count, claim and
 * completion: a reviewer's task list took seconds (docs/benchmarks.md, task list). Using the user's groups as
 * they are gives the same answers — a group without authorizations matches no authorization row — with an IN list
 * of a user's few groups.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  /** The engine's AuthorizationManager, minus the scan of all authorized groups. */
  static final class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }

  /** Opens the AuthorizationManager sessions of an engine; also used by the benchmark's bare engine. */
  public static final SessionFactory SESSIONS = new SessionFactory() {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new UnfilteredGroupsAuthorizationManager();
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> custom = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    custom.add(SESSIONS);
    configuration.setCustomSessionFactories(custom);
  }
}
