package vn.hoctap.report;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * A dossier as a page, for the dashboard's links: what it is, where it stands (the open step and who holds it),
 * the decision with its documents, and the history of who did what, when and why. The JSON is /api/dossiers/{id}.
 */
@Page
class DossierPage {

  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** One line of the history, dates as dd/MM/yyyy HH:mm in Vietnam time. */
  record EventLine(String at, String actor, String action, String step, String comment) {}

  private final DossierService dossiers;
  private final DossierAccess access;
  private final DashboardService dashboards;
  private final RecognitionService recognitions;

  DossierPage(DossierService dossiers, DossierAccess access, DashboardService dashboards,
      RecognitionService recognitions) {
    this.dossiers = dossiers;
    this.access = access;
    this.dashboards = dashboards;
    this.recognitions = recognitions;
  }

  @GetMapping("/ho-so/{id}")
  String dossier(@PathVariable long id, Model model) {
    Dossier d = dossiers.get(id);
    access.requireRead(CurrentUser.get(), d);
    List<String[]> tasks = dashboards.openTasks(List.of(id)).getOrDefault(String.valueOf(id), List.of());
    model.addAttribute("d", d);
    model.addAttribute("step", tasks.stream().map(t -> t[0]).distinct().collect(Collectors.joining(", ")));
    model.addAttribute("groups", tasks.stream().map(t -> t[1]).filter(g -> g != null).distinct()
        .collect(Collectors.joining(", ")));
    model.addAttribute("recognition", recognitions.forDossier(id).orElse(null));
    model.addAttribute("history", dossiers.history(id).stream().map(e -> new EventLine(
        AT.format(ZonedDateTime.ofInstant(e.getOccurredAt(), EngineClock.ZONE)), e.getActor(), e.getAction(),
        e.getStep(), e.getComment())).toList());
    return "ho-so";
  }
}
