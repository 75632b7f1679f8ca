-- Peer discussion: a thread on one indicator for one CCG or practice, optionally one period, optionally started with
-- one named peer (names as the directory gave them when it started). Who sees it is decided in code
-- (DiscussionAudience), from the directory and the peer groups.
create table outcomes_discussion (
    id               bigserial    primary key,
    org_code         varchar(12)  not null,
    org_name         varchar(200) not null,
    org_type         varchar(12)  not null check (org_type in ('CCG', 'GP_PRACTICE')),
    indicator_id     varchar(40)  not null references outcomes_indicator (id),
    period           varchar(7),
    peer_code        varchar(12),
    peer_name        varchar(200),
    title            varchar(200) not null,
    author           varchar(100) not null,
    author_name      varchar(200) not null,
    status           varchar(6)   not null check (status in ('OPEN', 'CLOSED')),
    synthetic        boolean      not null default false,
    created_at       timestamptz  not null,
    last_activity_at timestamptz  not null,
    version          integer      not null default 0
);

create index outcomes_discussion_activity on outcomes_discussion (last_activity_at desc, id desc);
create index outcomes_discussion_org on outcomes_discussion (org_code);
create index outcomes_discussion_peer on outcomes_discussion (peer_code);

-- Append-only: every status a thread has had, who set it and when.
create table outcomes_discussion_status (
    id            bigserial    primary key,
    discussion_id bigint       not null references outcomes_discussion (id),
    status        varchar(6)   not null check (status in ('OPEN', 'CLOSED')),
    changed_by    varchar(100) not null,
    changed_at    timestamptz  not null
);

create index outcomes_discussion_status_thread on outcomes_discussion_status (discussion_id, id);

-- A comment, published to the thread's audience or kept to its author's organisation and those above it. The chart it
-- refers to is stored as it was when posted (kind, figures and table), so later imports do not change it.
create table outcomes_discussion_comment (
    id             bigserial    primary key,
    discussion_id  bigint       not null references outcomes_discussion (id),
    author         varchar(100) not null,
    author_name    varchar(200) not null,
    author_org     varchar(12),
    body           text         not null,
    published      boolean      not null,
    posted_at      timestamptz  not null,
    chart_kind     varchar(10)  check (chart_kind in ('DECILES', 'FUNNEL', 'SPINE')),
    chart_snapshot jsonb,
    check ((chart_kind is null) = (chart_snapshot is null))
);

create index outcomes_discussion_comment_thread on outcomes_discussion_comment (discussion_id, id);

create table outcomes_discussion_mention (
    comment_id bigint       not null references outcomes_discussion_comment (id),
    username   varchar(100) not null,
    primary key (comment_id, username)
);
