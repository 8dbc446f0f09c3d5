-- The counts of a decided assessment round per subject, for the dashboard's "Công dân học tập", "Gia đình học tập"
-- and "Dòng họ học tập" targets: a province holds about a million round_entry rows, the dashboard reads a few rows
-- per body here instead. Written in the same transaction as the decision (RoundService.recognise). The tally is
-- exact for good: the entries of a RECOGNISED round are never changed afterwards (corrections, returns and imports
-- are refused once a round has left PREPARING/RETURNED, and a decided round cannot be reopened).
create table round_tally (
  round_id   bigint      not null references assessment_round (id),
  subject    varchar(20) not null,
  -- people (households, clans) in the round's list: the denominator of the targets
  entries    int         not null,
  -- of them recognised by the decision
  recognised int         not null,
  primary key (round_id, subject)
);

-- rounds decided before this table existed (the same statement as RoundService.TALLY)
insert into round_tally (round_id, subject, entries, recognised)
select e.round_id, e.subject, count(*), sum(case when e.recognised then 1 else 0 end)
  from round_entry e
 where e.round_id in (select r.id from assessment_round r where r.status = 'RECOGNISED')
 group by e.round_id, e.subject;

-- The Subject names (comma-separated) whose round entries a LEARNING_CITIZEN / LEARNING_FAMILY / LEARNING_CLAN
-- target counts; null: the target's population cannot be counted from the rounds ("chưa có dữ liệu").
alter table plan_target add column round_subjects varchar(200);

-- The seed plans of the demo (PlanDemoData, profile demo) as a database made before this migration holds them:
-- the same mapping PlanDemoData now writes for a fresh database. No rows match elsewhere.
update plan_target set round_subjects = 'RESIDENT'
 where measure = 'LEARNING_CITIZEN' and population = 'Người dân'
   and plan_id in (select id from learning_plan where code = 'HCM-2024');
update plan_target set round_subjects = 'FAMILY'
 where measure = 'LEARNING_FAMILY' and population in ('Hộ gia đình', 'Gia đình')
   and plan_id in (select id from learning_plan where code in ('DS-2024', 'HCM-2024'));
update plan_target set round_subjects = 'CLAN'
 where measure = 'LEARNING_CLAN' and population = 'Dòng họ'
   and plan_id in (select id from learning_plan where code in ('HCM-2024', 'TT-2024'));
-- staff and learners of the education sector's units (the plans of a Sở / Phòng GDĐT)
update plan_target set round_subjects = 'WORKER,OFFICIAL,LEARNER', population_kind = 'UNIT', unit_tier = 'EDUCATION'
 where measure = 'LEARNING_CITIZEN'
   and ((population = 'Cán bộ, giáo viên, học sinh' and plan_id in (select id from learning_plan where code = 'HP-2024'))
     or (population = 'Cán bộ, giáo viên, nhân viên, học sinh, học viên (QĐ 324)'
         and plan_id in (select id from learning_plan where code = 'NB-2025')));
update plan_target set round_subjects = 'WORKER,OFFICIAL', population_kind = 'UNIT', unit_tier = 'EDUCATION'
 where measure = 'LEARNING_CITIZEN' and population = 'Cán bộ, nhà giáo, nhân viên ngành giáo dục'
   and plan_id in (select id from learning_plan where code = 'TT-2024');
