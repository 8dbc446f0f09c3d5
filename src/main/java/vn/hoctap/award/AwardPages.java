package vn.hoctap.award;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;
import vn.hoctap.document.IssuedDocuments;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;
import vn.hoctap.web.PersonNames;

/**
 * The pages of an awardee's history (titles and awards by year, each with its decision) and of an award decision,
 * under "Khen thưởng" with the common layout. The addresses of the first version (/awards/…) answer with a
 * permanent redirect, for links already given out.
 */
@Page
class AwardPages {

  static final String AWARDEE = "/khen-thuong/doi-tuong/";
  static final String DECISION = "/khen-thuong/quyet-dinh/";

  private final AwardService awards;
  private final PersonNames names;
  private final IssuedDocuments issued;

  AwardPages(AwardService awards, PersonNames names, IssuedDocuments issued) {
    this.awards = awards;
    this.names = names;
    this.issued = issued;
  }

  @GetMapping("/khen-thuong/doi-tuong/{id}")
  String awardee(@PathVariable Long id, Model model) {
    model.addAttribute("a", awards.awardee(id, CurrentUser.get()));
    return "khen-thuong/doi-tuong";
  }

  @GetMapping("/khen-thuong/quyet-dinh/{id}")
  String decision(@PathVariable Long id, Model model) {
    AwardViews.Decision d = awards.decision(id, CurrentUser.get());
    model.addAttribute("d", d);
    model.addAttribute("signedBy", names.of(d.signedBy()));
    model.addAttribute("proposer", awards.proposal(d.proposalId(), CurrentUser.get()).proposerName());
    // thu hồi (issue 20): the decision stands no more
    model.addAttribute("revoked", issued.revocation("AWARD_DECISION", id).orElse(null));
    return "khen-thuong/quyet-dinh";
  }

  @GetMapping("/awards/awardees/{id}")
  RedirectView oldAwardee(@PathVariable Long id) {
    return moved(AWARDEE + id);
  }

  @GetMapping("/awards/decisions/{id}")
  RedirectView oldDecision(@PathVariable Long id) {
    return moved(DECISION + id);
  }

  private static RedirectView moved(String to) {
    RedirectView v = new RedirectView(to, true);
    v.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
    return v;
  }
}
