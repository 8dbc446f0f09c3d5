-- A citizen's own self-assessment (issue 18): the person behind a "Công dân" account, by their personal
-- identification number (số định danh cá nhân, the 12 digits of the CCCD). One account per person, one person per
-- account. The same number identifies them in every round's list (round_entry.identity_no), and it is the claim a
-- later single sign-on (VNeID) will map to the account.
create table citizen_account (
  user_id     varchar(64)  not null primary key,
  identity_no varchar(12)  not null,
  created_by  varchar(100) not null,
  created_at  timestamp    not null,
  constraint uq_citizen_account_identity unique (identity_no)
);

-- An entry the person entered themselves on the page "Tự đánh giá" (rather than a row of the unit's list). A later
-- correction by the unit's staff clears it: the figures are then the unit's.
alter table round_entry add column self_assessed boolean default false not null;
