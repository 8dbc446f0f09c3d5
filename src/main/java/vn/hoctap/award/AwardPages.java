package vn.hoctap.award;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/** Server-rendered pages (Vietnamese) of an awardee's history and of a decision, behind the same login as /api. */
@Page
class AwardPages {

  private final AwardService awards;

  AwardPages(AwardService awards) {
    this.awards = awards;
  }

  @GetMapping("/awards/awardees/{id}")
  String awardee(@PathVariable Long id, Model model) {
    model.addAttribute("a", awards.awardee(id, CurrentUser.get()));
    return "awards/awardee";
  }

  @GetMapping("/awards/decisions/{id}")
  String decision(@PathVariable Long id, Model model) {
    model.addAttribute("d", awards.decision(id, CurrentUser.get()));
    return "awards/decision";
  }
}
