package vn.hoctap.report;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.hoctap.common.EngineClock;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/** Bảng theo dõi: the dashboard page with drill-down from province to unit, and the login page of our pages. */
@Page
class DashboardPages {

  private final DashboardService dashboards;
  private final EngineClock clock;

  DashboardPages(DashboardService dashboards, EngineClock clock) {
    this.dashboards = dashboards;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  String dashboard(@RequestParam(name = "org", required = false) String org,
      @RequestParam(name = "year", required = false) Integer year, Model model) {
    model.addAttribute("d", dashboards.dashboard(CurrentUser.get(), org, year));
    model.addAttribute("currentYear", clock.today().getYear());
    return "dashboard";
  }
}
