package vn.hoctap.security.sso;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.hoctap.support.PostgresTestDatabase;
import vn.hoctap.support.TestProfiles;

/**
 * The whole application (as {@link vn.hoctap.support.HoctapTest}) with the single sign-on provider {@code tinh}:
 * the test Keycloak's trusted realm ({@link KeycloakServer}). Every class with this annotation shares one
 * application context, whose engine has a name of its own (letters only: the Camunda REST API and webapps find
 * engines by name in a JVM-wide registry), and waits for Keycloak before its first test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=sso",
    "hoctap.sso.contact=Phòng Công nghệ thông tin, Sở GDĐT (thử nghiệm)",
    "hoctap.sso.providers.tinh.name=tài khoản một lần của thành phố (thử nghiệm)",
    "hoctap.sso.providers.tinh.client-id=" + KeycloakServer.CLIENT,
    "hoctap.sso.providers.tinh.client-secret=" + KeycloakServer.SECRET,
    "hoctap.sso.providers.tinh.claims.user-id=sub",
    "hoctap.sso.providers.tinh.claims.name=ho_ten",
    "hoctap.sso.providers.tinh.claims.citizen-id=so_dinh_danh",
    "hoctap.sso.providers.tinh.claims.organisation=ma_don_vi"})
@ActiveProfiles(resolver = TestProfiles.class)
@ContextConfiguration(initializers = {PostgresTestDatabase.class, SsoTestProvider.class})
@ExtendWith(KeycloakReady.class)
public @interface SsoTest {}
