package vn.hoctap.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hoctap.process.AwardProcess;

/** The award forms offer exactly the values the listeners accept. */
class AwardFormsTest {

  static List<String> values(String form, String key) throws Exception {
    JsonNode f = new ObjectMapper().readTree(new File("forms/" + form + ".form"));
    List<String> values = new ArrayList<>();
    for (JsonNode c : f.get("components")) {
      if (key.equals(c.path("key").asText())) {
        c.get("values").forEach(v -> values.add(v.get("value").asText()));
      }
    }
    return values;
  }

  @Test
  void votesAndDecisionsOfferExactlyTheAcceptedValues() throws Exception {
    assertThat(values("award-vote", AwardProcess.FIELD_VOTE)).containsExactly(CouncilService.YES, CouncilService.NO);
    assertThat(values("award-decision", AwardProcess.VAR_DECISION))
        .containsExactly(AwardProcess.APPROVE, AwardProcess.REFUSE);
  }
}
