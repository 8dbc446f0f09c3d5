package vn.hoctap.bench;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * A what-if, measured by the benchmarks and proposed for the application (docs/benchmarks.md, finding "group
 * filter"): in Camunda 7.24 every command that checks an authorization first runs
 * {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} (AuthorizationManager#getAllGroups) to drop
 * the user's groups that have no authorization at all. ACT_RU_AUTHORIZATION holds a row per open task and
 * candidate group, so that statement reads the whole table (100,000 rows, 60,000 distinct groups at 100,000 open
 * tasks) on every task query, completion and start. Skipping the filter changes no result: a group without
 * authorizations matches no authorization row anyway.
 * <p>
 * In the application this would be a ProcessEnginePlugin registering {@link #FACTORY} as a custom session factory
 * (ProcessEngineConfigurationImpl#setCustomSessionFactories). Here it is swapped in and out of a running engine.
 */
final class AuthorizationGroupsWhatIf {

  /** The engine's AuthorizationManager without the per-command scan of all authorized groups. */
  static final class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }

  static final SessionFactory FACTORY = new SessionFactory() {
    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new UnfilteredGroupsAuthorizationManager();
    }
  };

  private AuthorizationGroupsWhatIf() {}

  static void install(ProcessEngine engine) {
    config(engine).getSessionFactories().put(AuthorizationManager.class, FACTORY);
  }

  static void uninstall(ProcessEngine engine) {
    config(engine).getSessionFactories().put(AuthorizationManager.class,
        new GenericManagerFactory(AuthorizationManager.class));
  }

  private static ProcessEngineConfigurationImpl config(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
