package vn.hoctap.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * New and changed passwords are hashed with {@link BCryptPasswordEncryptor}. Hashes written before (SHA-512,
 * "{SHA-512}…", and the older "{SHA}…") still verify: the engine's PasswordManager always keeps those two checkers
 * (registering SHA-512 again as a custom checker would make it refuse to start), so no custom list is needed.
 */
@Component
public class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

  /** Spring Security's default cost: about 50–100 ms per check on a 2-core server. */
  static final int STRENGTH = 10;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setPasswordEncryptor(new BCryptPasswordEncryptor(STRENGTH));
  }
}
