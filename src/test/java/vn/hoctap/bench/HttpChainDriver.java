package vn.hoctap.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A chain over HTTP, as the users' browsers do it: our API opens the dossier (POST /api/dossiers), the team uploads
 * one evidence file per indicator (POST /api/dossiers/{id}/evidence), then each
 * user finds the dossier's task in the Camunda REST API (by business key = dossier id) and submits its form: the
 * team, the head, the district's reviewer (completeness, appraisal), its Trưởng phòng (sets up the Hội đồng đánh
 * giá), the council's secretary (minutes: "đạt"), the signer.
 * Every request logs in with HTTP Basic, as the API clients do.
 */
final class HttpChainDriver implements ChainDriver {

  private final BenchHttp http;

  HttpChainDriver(int port) {
    this.http = new BenchHttp(port);
  }

  @Override
  public void run(Province.Unit u) {
    long id = http.post(u.team(), "/api/dossiers", Map.of("unitCode", u.code(), "level", 1, "assessmentYear", 2026))
        .expect(201).json().get("dossier").get("id").asLong();
    // one evidence file per indicator, without which the appraisal finds it "không đạt" (TT24 Điều 9 khoản 3)
    for (String code : LearningUnitForms.EVIDENCE_CODES) {
      http.upload(u.team(), "/api/dossiers/" + id + "/evidence", code + ".pdf",
          LearningUnitForms.evidence(String.valueOf(id), code), Map.of("indicatorCode", code)).expect(201);
    }
    submit(u.team(), id, Step.SELF_ASSESSMENT, u);
    submit(u.head(), id, Step.HEAD_REVIEW, u);
    submit(u.district().reviewer(), id, Step.CHECK_COMPLETENESS, u);
    submit(u.district().reviewer(), id, Step.APPRAISE, u);
    submit(u.district().director(), id, Step.SET_UP_COUNCIL, u);
    submit(u.district().secretary(), id, Step.COUNCIL_MINUTES, u);
    submit(u.district().signer(), id, Step.DECIDE, u);
  }

  /** One request of each of the unit's users, untimed: their passwords are checked (bcrypt) and remembered. */
  void signIn(Province.Unit u) {
    http.get(u.team(), "/api/notifications").expect(200);
    http.get(u.head(), "/api/notifications").expect(200);
  }

  private void submit(String user, long dossierId, Step step, Province.Unit u) {
    JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + dossierId).expect(200).json();
    if (tasks.size() != 1 || !step.taskKey.equals(tasks.get(0).get("taskDefinitionKey").asText())) {
      throw new IllegalStateException(user + " expected task " + step.taskKey + " of dossier " + dossierId
          + ", sees " + tasks);
    }
    http.submitForm(user, tasks.get(0).get("id").asText(), LearningUnitForms.form(step, u)).expect(204);
  }
}
