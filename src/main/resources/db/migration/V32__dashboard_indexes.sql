-- The dashboard counts the open dossiers escalated by their deadline timer (an ESCALATED event) over a whole
-- province in one grouped query: with this index it reads the escalations alone, not every event of every dossier.
create index ix_dossier_event_action on dossier_event (action, dossier_id);
