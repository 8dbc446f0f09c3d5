package vn.hoctap.report;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import vn.hoctap.citizen.Subject;

/**
 * What a plan target measures (chỉ tiêu): a title (danh hiệu) or another indicator of the movement. Titles of units
 * are counted from their recognitions, titles of people, households and clans from the assessment rounds' decisions;
 * the others show "chưa có dữ liệu" until their data exists.
 */
public enum Measure {
  LEARNING_UNIT("Đơn vị học tập", "LEARNING_UNIT", EnumSet.noneOf(Subject.class)),
  LEARNING_COMMUNITY("Cộng đồng học tập", "LEARNING_COMMUNITY", EnumSet.noneOf(Subject.class)),
  LEARNING_CITIZEN("Công dân học tập", null,
      EnumSet.of(Subject.RESIDENT, Subject.WORKER, Subject.OFFICIAL, Subject.LEARNER)),
  LEARNING_FAMILY("Gia đình học tập", null, EnumSet.of(Subject.FAMILY)),
  LEARNING_CLAN("Dòng họ học tập", null, EnumSet.of(Subject.CLAN)),
  DIGITAL_SKILLS("Người dân có kỹ năng số", null, EnumSet.noneOf(Subject.class)),
  ASSESSMENT_ORGANISED("Tổ chức đánh giá, công nhận", null, EnumSet.noneOf(Subject.class));

  private final String label;
  /** The recognition.title value that counts for this measure; null while hoctap does not record it. */
  private final String recognitionTitle;
  /** The round entries that may count for this measure (a target names some of them). */
  private final Set<Subject> roundSubjects;

  Measure(String label, String recognitionTitle, Set<Subject> roundSubjects) {
    this.label = label;
    this.recognitionTitle = recognitionTitle;
    this.roundSubjects = roundSubjects;
  }

  public Set<Subject> roundSubjects() {
    return Collections.unmodifiableSet(roundSubjects);
  }

  public String label() {
    return label;
  }

  public String recognitionTitle() {
    return recognitionTitle;
  }
}
