import json

import pytest

from lib.cli import main


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cli.sqlite'}"
        return
    url = request.getfixturevalue("pg_url")
    yield url
    from lib.storage import make_engine, tables

    eng = make_engine(url)
    with eng.begin() as conn:
        for table in reversed(tables.metadata.sorted_tables):
            conn.execute(table.delete())
    eng.dispose()


def test_demo_export_import_roundtrip(db_url, tmp_path, capsys):
    assert main(["demo", "--db", db_url]) == 0
    assert "Demo workspace loaded" in capsys.readouterr().out
    out = tmp_path / "backup.json"
    assert main(["export", "--db", db_url, "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["evidence"]) >= 25 and len(doc["interviews"]) >= 6
    # importing into a workspace that already has data needs an explicit choice
    assert main(["import", "--db", db_url, str(out)]) == 2
    assert "--merge" in capsys.readouterr().err
    assert main(["import", "--db", db_url, "--owner", "someone-else", str(out)]) == 0
    out2 = tmp_path / "backup2.json"
    assert main(["export", "--db", db_url, "--owner", "someone-else", "-o", str(out2)]) == 0
    doc2 = json.loads(out2.read_text(encoding="utf-8"))
    doc.pop("exported_at"), doc2.pop("exported_at")
    assert doc == doc2


def test_export_csv_writes_both_files(db_url, tmp_path):
    assert main(["demo", "--db", db_url]) == 0
    assert main(["export-csv", "--db", db_url, str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "evidence.csv").read_bytes().startswith(b"\xef\xbb\xbfkind,title")
    assert main(["import-csv", "--db", db_url, "--owner", "b", "evidence", str(tmp_path / "csv" / "evidence.csv")]) == 0


@pytest.mark.parametrize("payload", [b"{", b'{"format": "secondlook-backup", "schema_version": 1, "x": NaN}'])
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, payload):
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    assert main(["import", "--db", f"sqlite:///{tmp_path / 'x.sqlite'}", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("secondlook: ") and "\n" not in err


def test_missing_file_and_unknown_command_exit_2(tmp_path, capsys):
    assert main(["import", "--db", f"sqlite:///{tmp_path / 'x.sqlite'}", str(tmp_path / "nope.json")]) == 2
    assert main(["frobnicate"]) == 2


def test_demo_scale_generates_the_benchmark_workspace(tmp_path):
    from lib.demo import demo_data
    from tests.conftest import TODAY

    data, _ = demo_data(today=TODAY, scale=10)
    assert len(data.interviews) == 100
    assert len(data.evidence) == 2000
    assert len(data.script_items) >= 1000
