-- "Đã xử lý" (work done by a user) reads the audit trails by actor, newest first.
create index ix_dossier_event_actor on dossier_event (actor, occurred_at);
create index ix_round_event_actor on round_event (actor, occurred_at);

-- Which notifications a user has read: everything up to a watermark ("mark all as read"), plus single ones above it.
-- The bell counts a user's groups' notifications above the watermark that have no row here.
create table notification_seen (
  user_id      varchar(100) not null primary key,
  last_read_id bigint       not null
);
create table notification_read (
  user_id         varchar(100) not null,
  notification_id bigint       not null references notification (id),
  read_at         timestamp    not null,
  constraint pk_notification_read primary key (user_id, notification_id)
);
create index ix_notification_group_id on notification (recipient_group, id);
