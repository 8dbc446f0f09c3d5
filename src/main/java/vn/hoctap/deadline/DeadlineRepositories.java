package vn.hoctap.deadline;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineRuleRepository extends JpaRepository<DeadlineRule, Long> {}

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {}
