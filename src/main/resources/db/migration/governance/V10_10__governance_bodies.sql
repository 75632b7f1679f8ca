-- The register of bodies outside the directory (federations, companies, trusts named by people): each with its own id,
-- one per name as compared (docs/domain-rules.md, "Conflicts at meetings"), so that an interest and an agenda item that
-- choose the same body are linked by its id, not by how each spelled it. Rows from before keep their names only.
create table governance_body (
    id              bigserial    primary key,
    name            varchar(200) not null,
    normalised_name varchar(200) not null unique,
    registered_by   varchar(100) not null,
    registered_at   timestamptz  not null default now()
);
alter table governance_person_link add column body_id bigint references governance_body (id);
alter table governance_declaration add column body_id bigint references governance_body (id);
alter table governance_item_organisation add column body_id bigint references governance_body (id);
