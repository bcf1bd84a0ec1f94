"""Share-link lookups. ``find_by_hash`` is the one query not scoped by owner: a coach arriving with a
token has no owner yet, and the token's hash is what tells us whose workspace it opens."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from lib import models as m
from lib.storage import repo
from lib.storage import tables as t
from lib.storage.session import read, write


def find_by_hash(engine: sa.Engine, token_hash: str) -> tuple[str, m.Share] | None:
    with read(engine) as conn:
        row = conn.execute(sa.select(t.shares).where(t.shares.c.token_hash == token_hash)).mappings().first()
    if row is None:
        return None
    return row["owner"], repo.from_row(m.Share, row)


def mark_used(engine: sa.Engine, share_id: int, *, now: dt.datetime) -> None:
    """Record when a link was last used (derived bookkeeping: does not bump the data version)."""
    with engine.begin() as conn:
        conn.execute(sa.update(t.shares).where(t.shares.c.id == share_id).values(last_used_at=now))


def revoke(engine: sa.Engine, owner: str, share_id: int, *, now: dt.datetime) -> None:
    with write(engine, owner, now=now) as conn:
        done = conn.execute(sa.update(t.shares).where(t.shares.c.owner == owner, t.shares.c.id == share_id)
                            .values(revoked_at=now, version=t.shares.c.version + 1, updated_at=now)).rowcount
    if not done:
        from lib.errors import NotFound

        raise NotFound("That share link does not exist.")
