-- One import at a time per round, across nodes: an import holds its round's row here locked (SELECT ... FOR UPDATE
-- NOWAIT) for its whole transaction, so a second import into the same round is refused at once (409) instead of
-- waiting behind the first. A separate table, so that corrections and steps, which lock assessment_round, do not
-- make an import fail. The row is made on a round's first import.
create table round_import_lock (
  round_id bigint primary key references assessment_round (id) on delete cascade
);
