package vn.hoctap.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoctap.citizen.CitizenAccounts;
import vn.hoctap.citizen.SelfAssessment;
import vn.hoctap.inbox.HomeService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.SecurityConfig;
import vn.hoctap.security.sso.SsoClientRegistrations;

/** The login page and the start page of our own pages. */
@Page
class PagesController {

  private final HomeService home;
  private final SelfAssessment self;
  private final CitizenAccounts citizens;
  private final SsoClientRegistrations sso;

  PagesController(HomeService home, SelfAssessment self, CitizenAccounts citizens, SsoClientRegistrations sso) {
    this.home = home;
    this.self = self;
    this.citizens = citizens;
    this.sso = sso;
  }

  @GetMapping(SecurityConfig.LOGIN_PAGE)
  String login(Model model) {
    // one button per configured single sign-on provider, above the local login
    model.addAttribute("ssoProviders", sso.options());
    return "login";
  }

  @GetMapping("/trang-chu")
  String home(Model model) {
    CurrentUser user = CurrentUser.get();
    if (user.citizenOnly()) {
      // a person with only their own "Công dân" role: their self-assessment instead of official work
      model.addAttribute("o", self.overview(user));
      model.addAttribute("home", true);
      return "citizen/tu-danh-gia";
    }
    model.addAttribute("h", home.home(user));
    // someone who works for a body and also self-assesses; staff who keep a "Công dân học tập" list
    model.addAttribute("citizen", user.citizen());
    model.addAttribute("keepsCitizens", !citizens.bodies(user).isEmpty());
    // the applicant's staff: a school's Tổ đánh giá or a People's Committee's staff may open a dossier
    model.addAttribute("canApply", user.groups().stream().anyMatch(g -> g.startsWith("team-")
        || g.startsWith("committee-")));
    return "home";
  }
}
