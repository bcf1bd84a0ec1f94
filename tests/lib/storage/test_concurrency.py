"""8 processes x 200 read-modify-write transactions on one SQLite file: no lost update, no lock error."""

import multiprocessing as mp

import sqlalchemy as sa

from lib import models as m
from lib.storage import make_engine, open_store, repo
from tests.conftest import NOW

WORKERS, ROUNDS = 8, 200


def _worker(url: str, counter_id: int, q) -> None:
    from lib.storage import tables
    from lib.storage.session import write

    engine = make_engine(url)
    errors, first = 0, ""
    for _ in range(ROUNDS):
        try:
            with write(engine, "alice", now=NOW) as conn:  # BEGIN IMMEDIATE
                row = conn.execute(sa.select(tables.evidence.c.body).where(tables.evidence.c.id == counter_id)).one()
                conn.execute(sa.update(tables.evidence).where(tables.evidence.c.id == counter_id)
                             .values(body=str(int(row.body) + 1)))
        except Exception as exc:  # noqa: BLE001 - counted and asserted below
            errors += 1
            first = first or (repr(exc)[:200] + " | " + str(getattr(exc, "statement", ""))[:100])
    engine.dispose()
    q.put((errors, first))


def test_concurrent_read_modify_write_loses_nothing(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite'}"
    engine = open_store(url, now=NOW)
    counter = repo.add(engine, "alice", m.Evidence(kind="skill", title="counter", body="0"), now=NOW)
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(url, counter.id, q)) for _ in range(WORKERS)]
    for p in procs:
        p.start()
    results = [q.get(timeout=240) for _ in procs]
    errors = sum(n for n, _ in results)
    for p in procs:
        p.join(timeout=60)
    final = int(repo.get(engine, "alice", m.Evidence, counter.id).body)
    print(f"\nconcurrency: {WORKERS}x{ROUNDS} transactions, final counter {final}, errors {errors}")
    assert errors == 0, [msg for _, msg in results if msg]
    assert final == WORKERS * ROUNDS
