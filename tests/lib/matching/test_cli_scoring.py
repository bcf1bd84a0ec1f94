import argparse
import json

import pytest

from lib import cli_scoring

JD = """Senior Data Engineer

Requirements
- 5+ years of experience with Python and SQL
- Experience with a cloud platform such as AWS, GCP or Azure
- Bachelor's degree in Computer Science or a related field

Nice to have
- Familiarity with Kubernetes

Responsibilities
- Build and maintain data pipelines for the analytics team
"""


def run(argv, capsys):
    parser = argparse.ArgumentParser(prog="secondlook")
    cli_scoring.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
    except cli_scoring.ValidationError as err:  # lib.cli turns typed errors into exit 2
        return 2, "", str(err)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def files(tmp_path):
    jd = tmp_path / "jd.txt"
    jd.write_text(JD, encoding="utf-8")
    ev = tmp_path / "evidence.json"
    ev.write_text(json.dumps([
        {"id": 1, "text": "Built batch data pipelines in Python and SQL on AWS for the analytics team."},
        {"id": 2, "kind": "qualification", "title": "BSc Computer Science", "body": "2014"},
    ]), encoding="utf-8")
    return jd, ev


def test_requirements_json_shape(files, capsys):
    code, out, _ = run(["requirements", str(files[0]), "--json"], capsys)
    data = json.loads(out)
    assert code == 0 and set(data) == {"requirements", "gates"}
    assert data["requirements"]
    for r in data["requirements"]:
        assert set(r) == {"text", "kind", "weight", "competency", "terms"}
        assert r["kind"] in ("must", "nice", "responsibility") and isinstance(r["terms"], list)
    for g in data["gates"]:
        assert set(g) == {"kind", "text"}


def test_score_json_shape(files, capsys):
    code, out, _ = run(["score", "--jd", str(files[0]), "--evidence", str(files[1]), "--json", "--tfidf"], capsys)
    data = json.loads(out)
    assert code == 0 and set(data) == {"fit", "must_coverage", "requirements"}
    assert 0.0 <= data["fit"] <= 1.0 and 0.0 <= data["must_coverage"] <= 1.0
    for r in data["requirements"]:
        assert set(r) == {"text", "kind", "weight", "coverage", "label", "evidence"}
        assert r["label"] in ("covered", "partial", "gap")
        for e in r["evidence"]:
            assert set(e) == {"id", "score", "terms"} and e["id"] in (1, 2)
    assert any(e["id"] == 1 for r in data["requirements"] for e in r["evidence"])


@pytest.mark.parametrize("content", ['{"id": 1}', '[{"id": "x", "text": "a"}]', '[{"id": 1, "text": ""}]',
                                     '[{"id": 1, "text": "a"}, {"id": 1, "text": "b"}]', "[NaN]", "not json",
                                     '[{"id": 1, "kind": "wizardry", "title": "t"}]'])
def test_bad_evidence_is_refused(files, tmp_path, capsys, content):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    code, _, err = run(["score", "--jd", str(files[0]), "--evidence", str(bad), "--json", "--tfidf"], capsys)
    assert code == 2 and err and "\n" not in err


def test_missing_jd_is_refused(tmp_path, capsys):
    code, _, err = run(["requirements", str(tmp_path / "nope.txt")], capsys)
    assert code == 2 and "no such file" in err


def test_wired_into_secondlook_command(files, tmp_path, capsys):
    from lib.cli import main

    assert main(["requirements", str(files[0]), "--json"]) == 0
    assert "requirements" in json.loads(capsys.readouterr().out)
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert main(["score", "--jd", str(files[0]), "--evidence", str(bad), "--json"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("secondlook:") and "\n" not in err
