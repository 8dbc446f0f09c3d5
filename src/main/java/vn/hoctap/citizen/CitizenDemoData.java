package vn.hoctap.citizen;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.security.IdentityProvisioning;

/**
 * The demo citizen (after {@link RoundDemoData}): "congdan", Nguyễn Văn An, a teacher of Trường Tiểu học Tam Hiệp
 * with the role "Công dân" there and the personal identification number under which the school's sample round of
 * the previous year lists him (recognised), so that his page shows that result and every round the school opens.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "hoctap.demo.enabled", havingValue = "true")
class CitizenDemoData implements ApplicationRunner {

  static final String USER = "congdan";
  static final String IDENTITY = "001190010000";

  private final IdentityProvisioning provisioning;
  private final CitizenIdentities identities;

  CitizenDemoData(IdentityProvisioning provisioning, CitizenIdentities identities) {
    this.provisioning = provisioning;
    this.identities = identities;
  }

  @Override
  public void run(ApplicationArguments args) {
    provisioning.ensureUserSharingPassword(USER, "An", "Nguyễn Văn", USER + "@demo.hoctap.vn", DemoData.PASSWORD);
    String group = Groups.citizen(RoundDemoData.SCHOOL);
    provisioning.ensureGroup(group, "Công dân — Trường Tiểu học Tam Hiệp", "WORKFLOW");
    provisioning.ensureMembership(USER, group);
    if (identities.identityOf(USER).isEmpty()) {
      identities.link(USER, IDENTITY, "hệ thống");
    }
  }
}
