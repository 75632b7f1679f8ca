-- Wrong passwords per username (whether or not an account has it, so that a lockout tells nobody which usernames
-- exist): after too many in the window, sign-in with that username is refused until locked_until or until a national
-- administrator lifts the lock.
create table identity_sign_in_failure (
    username     varchar(100) primary key,
    failures     integer      not null,
    window_start timestamptz  not null,
    locked_until timestamptz
);
