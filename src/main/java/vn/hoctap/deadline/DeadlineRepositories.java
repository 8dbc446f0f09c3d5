package vn.hoctap.deadline;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineRuleRepository extends JpaRepository<DeadlineRule, Long> {}

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {}

interface CalendarDayRepository extends JpaRepository<CalendarDay, Long> {

  java.util.List<CalendarDay> findByDateBetweenOrderByDate(java.time.LocalDate from, java.time.LocalDate to);

  java.util.Optional<CalendarDay> findByDate(java.time.LocalDate date);
}
