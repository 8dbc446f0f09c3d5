package vn.hoctap.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One exception to "Monday to Friday" in the working-day calendar: a holiday, a day off, or a day worked. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

  public enum Kind {
    HOLIDAY("Ngày nghỉ lễ, tết"),
    DAY_OFF("Ngày nghỉ bù, hoán đổi"),
    WORKING_DAY("Ngày làm bù (thứ Bảy, Chủ nhật đi làm)");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "calendar_date", nullable = false)
  private LocalDate date;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String source;

  @Column(nullable = false)
  private boolean confirmed;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "row_version", nullable = false)
  private long rowVersion;

  protected CalendarDay() {}

  public CalendarDay(LocalDate date, Kind kind, String name, String source, boolean confirmed, String updatedBy,
      Instant updatedAt) {
    this.date = date;
    this.kind = kind;
    this.name = name;
    this.source = source;
    this.confirmed = confirmed;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  void confirm(String source, String by, Instant at) {
    this.source = source;
    this.confirmed = true;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public Long getId() {
    return id;
  }

  public LocalDate getDate() {
    return date;
  }

  /** The day of the week as written in Vietnamese ("thứ Hai" … "Chủ nhật"). */
  public String weekday() {
    int d = date.getDayOfWeek().getValue();
    return d == 7 ? "Chủ nhật" : "thứ " + new String[] {"Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy"}[d - 1];
  }

  public Kind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getSource() {
    return source;
  }

  public boolean isConfirmed() {
    return confirmed;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getRowVersion() {
    return rowVersion;
  }
}
