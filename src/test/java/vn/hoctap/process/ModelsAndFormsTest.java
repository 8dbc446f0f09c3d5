package vn.hoctap.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.CriteriaSetJson;
import vn.hoctap.criteria.Indicator;

/**
 * The conventions of processes/ and forms/ that a deployment alone would not catch, and the contract between the
 * indicator form and the criteria data: every indicator of every bundled set has its fields, shown only where the
 * indicator applies, with a judgement field where the official text is awaited.
 */
class ModelsAndFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (File f : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      JsonNode form = JSON.readTree(f);
      assertThat(f.getName()).isEqualTo(form.get("id").asText() + ".form");
      forms.put(form.get("id").asText(), form);
    }
    return forms;
  }

  static List<BpmnModelInstance> models() {
    List<BpmnModelInstance> models = new ArrayList<>();
    for (File f : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      BpmnModelInstance m = Bpmn.readModelFromFile(f);
      Process p = m.getModelElementsByType(Process.class).iterator().next();
      assertThat(f.getName()).as("process id equals the file name").isEqualTo(p.getId() + ".bpmn");
      models.add(m);
    }
    return models;
  }

  /** Field key, with nested groups flattened, mapped to its component. */
  static Map<String, JsonNode> fields(JsonNode components, Map<String, JsonNode> out, JsonNode group,
      Map<String, JsonNode> groupOf) {
    for (JsonNode c : components) {
      if (c.has("key")) {
        out.put(c.get("key").asText(), c);
        if (group != null) {
          groupOf.put(c.get("key").asText(), group);
        }
      }
      if (c.has("components")) {
        fields(c.get("components"), out, c, groupOf);
      }
    }
    return out;
  }

  @Test
  void everyModelFollowsTheConventions() {
    for (BpmnModelInstance m : models()) {
      Process p = m.getModelElementsByType(Process.class).iterator().next();
      assertThat(p.getCamundaHistoryTimeToLiveString()).isNotBlank();
      for (FlowElement e : m.getModelElementsByType(FlowElement.class)) {
        if (!(e instanceof SequenceFlow s) || s.getSource() instanceof ExclusiveGateway) {
          assertThat(e.getName()).as("name of " + e.getId()).isNotBlank();
        }
        if (e instanceof FlowNode) {
          assertThat(m.getModelElementsByType(BpmnShape.class)).as("diagram shape of " + e.getId())
              .anyMatch(s -> s.getBpmnElement() == e);
        }
      }
      for (UserTask t : m.getModelElementsByType(UserTask.class)) {
        assertThat(t.getCamundaAssignee()).as("no fixed assignee on " + t.getId()).isNull();
        if (t.getCamundaCandidateUsers() != null) {
          // a personal task (a council member's own vote) names its user by expression and says why
          assertThat(t.getCamundaCandidateUsers()).as("no user id in the model").startsWith("${");
          assertThat(t.getDocumentations()).as("why " + t.getId() + " is personal").isNotEmpty();
        } else {
          assertThat(t.getCamundaCandidateGroups()).as("candidate groups of " + t.getId()).isNotBlank();
          assertThat(t.getCamundaCandidateGroups()).as("no org code in the model").startsWith("${");
        }
        assertThat(t.getCamundaFormRef()).isNotBlank();
        assertThat(t.getCamundaFormRefBinding()).isEqualTo("deployment");
      }
      for (ServiceTask t : m.getModelElementsByType(ServiceTask.class)) {
        assertThat(t.getCamundaDelegateExpression()).as(t.getId()).startsWith("${");
      }
      for (ExclusiveGateway g : m.getModelElementsByType(ExclusiveGateway.class)) {
        if (g.getOutgoing().size() > 1) {
          assertThat(g.getDefault()).as("default flow of " + g.getId()).isNotNull();
        }
      }
    }
  }

  @Test
  void everyFormReferenceHasAForm() throws IOException {
    Map<String, JsonNode> forms = forms();
    for (BpmnModelInstance m : models()) {
      for (UserTask t : m.getModelElementsByType(UserTask.class)) {
        if (!t.getCamundaFormRef().startsWith("${")) {
          assertThat(forms).as("form of " + t.getId()).containsKey(t.getCamundaFormRef());
        }
      }
      // forms chosen by the calling title's process
      m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class).stream()
          .filter(in -> "valuesForm".equals(in.getCamundaTarget()))
          .forEach(in -> assertThat(forms).containsKey(in.getCamundaSourceExpression().replaceAll("[${}']", "")));
      for (StartEvent s : m.getModelElementsByType(StartEvent.class)) {
        if (s.getCamundaFormRef() != null) {
          assertThat(forms).containsKey(s.getCamundaFormRef());
        }
      }
    }
  }

  @Test
  void theIndicatorFormsCoverEveryIndicatorOfEveryCriteriaSet() throws IOException {
    Map<String, String> formOfTitle = Map.of("LEARNING_UNIT", LearningUnitProcess.VALUES_FORM,
        "LEARNING_COMMUNITY", LearningCommunityProcess.VALUES_FORM);
    List<CriteriaSet> sets = new CriteriaSetJson().readBundled();
    assertThat(sets).extracting(CriteriaSet::title).contains("LEARNING_UNIT", "LEARNING_COMMUNITY");
    assertThat(sets).hasSize(10).allSatisfy(s -> assertThat(s.version()).isEqualTo(2));
    for (CriteriaSet set : sets) {
      Map<String, JsonNode> groupOf = new HashMap<>();
      Map<String, JsonNode> fields = fields(forms().get(formOfTitle.get(set.title())).get("components"),
          new HashMap<>(), null, groupOf);
      for (Indicator i : set.indicators()) {
        for (String key : IndicatorForm.valueKeys(i)) {
          assertThat(fields).as(set.code() + " " + i.code() + " needs field " + key).containsKey(key);
          assertThat(groupOf.get(key).get("conditional").get("hide").asText())
              .as("shown only where " + i.code() + " applies").contains(IndicatorForm.token(i.code()));
          assertThat(fields.get(key).get("conditional").get("hide").asText())
              .as("shown only for the rule of the dossier's set").contains(IndicatorForm.token(i.code(), i.rule()));
        }
        assertThat(fields).containsKey(IndicatorForm.noteKey(i));
        assertThat(fields.get(IndicatorForm.judgementKey(i)).get("conditional").get("hide").asText())
            .contains("pendingCodes").contains(";" + i.code() + ";");
      }
    }
  }

  @Test
  void decisionFormsOfferExactlyTheValuesTheListenersAccept() throws IOException {
    Map<String, JsonNode> forms = forms();
    assertThat(values(forms, "lu-head-review", LearningUnitProcess.VAR_HEAD_DECISION))
        .containsExactly(LearningUnitProcess.SUBMIT, LearningUnitProcess.SEND_BACK, LearningUnitProcess.WITHDRAW);
    assertThat(values(forms, "completeness-check", LearningUnitProcess.FIELD_COMPLETENESS))
        .containsExactly(LearningUnitProcess.COMPLETE, LearningUnitProcess.INCOMPLETE);
    assertThat(values(forms, "lu-indicator-values", LearningUnitProcess.VAR_APPRAISAL_RECOMMENDATION))
        .containsExactly(LearningUnitProcess.RECOGNISE, LearningUnitProcess.REFUSE);
    assertThat(values(forms, "recognition-decision", LearningUnitProcess.VAR_SIGNER_DECISION))
        .containsExactly(LearningUnitProcess.APPROVE, LearningUnitProcess.REFUSE);
    assertThat(values(forms, "lc-meeting", LearningCommunityProcess.VAR_MEETING_OUTCOME))
        .containsExactly(LearningCommunityProcess.AGREE, LearningCommunityProcess.DISAGREE);
    for (String start : List.of("lu-start", "lc-start")) {
      assertThat(fields(forms.get(start).get("components"), new HashMap<>(), null, new HashMap<>()))
          .containsKeys(LearningUnitProcess.VAR_UNIT_CODE, LearningUnitProcess.VAR_LEVEL,
              LearningUnitProcess.VAR_ASSESSMENT_YEAR);
    }
  }

  private static List<String> values(Map<String, JsonNode> forms, String form, String key) {
    JsonNode field = fields(forms.get(form).get("components"), new HashMap<>(), null, new HashMap<>()).get(key);
    List<String> values = new ArrayList<>();
    field.get("values").forEach(v -> values.add(v.get("value").asText()));
    return values;
  }
}
