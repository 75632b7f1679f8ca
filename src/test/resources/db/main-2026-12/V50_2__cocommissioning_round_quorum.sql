-- The quorum a proposed committee must meet is configurable per round (REFERENCE.md section 3); the default is the
-- typical one: three voting members present, at least one lay, one GP and one executive.
alter table cocommissioning_round
    add column quorum_min_voting    int not null default 3,
    add column quorum_min_lay       int not null default 1,
    add column quorum_min_gp        int not null default 1,
    add column quorum_min_executive int not null default 1,
    add column version              int not null default 0,
    add constraint cocommissioning_round_quorum_valid check (quorum_min_voting >= 1 and quorum_min_lay >= 0
        and quorum_min_gp >= 0 and quorum_min_executive >= 0
        and quorum_min_lay + quorum_min_gp + quorum_min_executive <= quorum_min_voting);
