package vn.hoctap.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoctap.inbox.HomeService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.SecurityConfig;

/** The login page and the start page of our own pages. */
@Page
class PagesController {

  private final HomeService home;

  PagesController(HomeService home) {
    this.home = home;
  }

  @GetMapping(SecurityConfig.LOGIN_PAGE)
  String login() {
    return "login";
  }

  @GetMapping("/trang-chu")
  String home(Model model) {
    model.addAttribute("h", home.home(CurrentUser.get()));
    return "home";
  }
}
