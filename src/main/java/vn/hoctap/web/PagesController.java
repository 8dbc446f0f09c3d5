package vn.hoctap.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;
import vn.hoctap.security.SecurityConfig;

/** The login page and the start page of our own pages. */
@Page
class PagesController {

  @GetMapping(SecurityConfig.LOGIN_PAGE)
  String login() {
    return "login";
  }

  @GetMapping("/trang-chu")
  String home(Model model) {
    model.addAttribute("groups", CurrentUser.get().groups());
    return "home";
  }
}
