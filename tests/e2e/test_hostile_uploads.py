"""Issue 9.4 — hostile files through the real upload widgets, in a real browser.

Each file is refused with a clear message within 10 s (or, for damaged-but-readable PDFs, read safely into
a proposal that is not saved), nothing is stored, the server's memory stays put, and it still answers
``/_stcore/health``. The hostile documents come from the ingest tests' builders (generated in memory).
"""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

import tests.lib.ingest._ingest_files as f
from tests.e2e.helpers import main_text, new_page, open_page, rerun, row_counts, write_secrets
from tools.serve import streamlit_process, wait_idle

SAFETY_S = 10
JARGON = ("Traceback", "Exception", "pypdf", "python-docx", "lxml", "zipfile", "errno", "File \"")
RESUME = "Résumé (PDF, DOCX or TXT"
JD = "or upload it (PDF, DOCX or TXT"
BACKUP = "Backup file (.json)"
CSV = "CSV file"


def _backup(**sections) -> bytes:
    doc = {"format": "secondlook-backup", "schema_version": 1, "workspace": {},
           "evidence": [{"id": 1, "kind": "skill", "title": "SQL"}], **sections}
    return json.dumps(doc).encode()


# name -> (bytes builder, words the refusal must contain: any of them)
DOCUMENTS = {
    "cv-zip-bomb.docx": (lambda: f.docx_zip_bomb(200), ("expand",)),
    "cv-xxe.docx": (f.xxe_docx, ("safety",)),
    "cv-flate-bomb.pdf": (lambda: f.pdf_flate_bomb(200), ("heavy", "memory")),
    "setup.pdf": (f.exe_bytes, ("program",)),
    "page.txt": (f.html_bytes, ("web page",)),
}
DAMAGED_PDFS = {"cv-circular-xref.pdf": f.pdf_circular_xref, "cv-bad-startxref.pdf": f.pdf_bad_startxref}
BACKUPS = {
    "nested.json": (lambda: b"[" * 200_000 + b"]" * 200_000, ("nested",)),
    "nan.json": (lambda: b'{"format": "secondlook-backup", "schema_version": NaN}', ("NaN",)),
    "duplicate-keys.json": (lambda: b'{"format": "secondlook-backup", "format": "other"}', ("repeats the key",)),
    "other-owner.json": (lambda: _backup(evidence=[{"id": 1, "kind": "skill", "title": "SQL", "owner": "bob"}]),
                         ("invalid",)),
    "foreign-ids.json": (lambda: _backup(script_items=[{"id": 5, "interview_id": 7701, "question": "Why us?"}]),
                         ("broken reference",)),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name, (build, _) in {**DOCUMENTS, **BACKUPS}.items():
        (folder / name).write_bytes(build())
    for name, build in DAMAGED_PDFS.items():
        (folder / name).write_bytes(build())
    with open(folder / "big.csv", "wb") as fh:  # 50 MB of plausible rows
        fh.write(b"kind,title\n")
        row = b"skill,Spreadsheet modelling and forecasting\n"
        fh.write(row * (50 * 1024 * 1024 // len(row) + 1))
    return folder


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile_srv")
    url = f"sqlite:///{tmp / 'hostile.sqlite'}"
    with streamlit_process(url, secrets_file=write_secrets(tmp / "s")) as srv:
        yield srv, url


@pytest.fixture(scope="module")
def page(browser, server):
    srv, _ = server
    with new_page(browser) as p:
        open_page(p, srv.base + "/")  # app.py runs once: st.navigation is in charge, the demo is seeded
        yield p


def uploader(page, label: str):
    return page.get_by_test_id("stFileUploader").filter(has_text=label)


def clear(page, label: str) -> None:
    """Remove the file an uploader holds (one rerun), so the next upload causes exactly one run."""
    box = uploader(page, label)
    if box.get_by_test_id("stFileChipDeleteBtn").count():
        rerun(page, lambda: box.get_by_test_id("stFileChipDeleteBtn").first.click())
        expect(box.get_by_test_id("stFileChip")).to_have_count(0)


def upload(page, label: str, path) -> float:
    """Put a file into an empty uploader and wait for the run it causes; returns when it was put."""
    clear(page, label)
    started = time.monotonic()
    box = uploader(page, label)
    rerun(page, lambda: box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path)),
          timeout=SAFETY_S * 1000)
    expect(box.get_by_test_id("stFileChipName")).to_have_text(path.name)
    return started


def refusal(page, words, started: float):
    """The visible error after an upload: in time, plain words, naming what went wrong."""
    alert = page.get_by_test_id("stAlertContentError").filter(
        has_text=re.compile("|".join(re.escape(w) for w in words)))
    expect(alert.first).to_be_visible(timeout=max(1, SAFETY_S - (time.monotonic() - started)) * 1000)
    assert time.monotonic() - started < SAFETY_S
    text = alert.first.inner_text()
    assert not any(j in text for j in JARGON), text
    return alert.first, text


def still_fine(srv, url, before, rss_before) -> None:
    assert row_counts(url) == before
    assert srv.healthy()
    assert srv.rss_mb() - rss_before < 150  # no bomb was inflated inside the server process


def test_resume_upload_refuses_hostile_documents(page, server, files, shot):
    srv, url = server
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Evidence bank").click()
    page.get_by_role("tab", name="From your résumé").click()
    before, rss = row_counts(url), srv.rss_mb()
    for name, (_, words) in DOCUMENTS.items():
        started = upload(page, RESUME, files / name)
        alert, text = refusal(page, words, started)
        shot(page, f"resume {name}", focus=alert)
        assert name in text or "file" in text.lower(), text
        still_fine(srv, url, before, rss)
    for name in DAMAGED_PDFS:  # pypdf may repair these: then a proposal is shown, and nothing is saved
        started = upload(page, RESUME, files / name)
        outcome = page.get_by_text(re.compile(f"{re.escape(name)}: \\d+ items proposed|could not be read"))
        expect(outcome.first).to_be_visible(timeout=max(1, SAFETY_S - (time.monotonic() - started)) * 1000)
        assert time.monotonic() - started < SAFETY_S
        wait_idle(page)
        shot(page, f"resume {name}", focus=outcome)
        assert not any(j in main_text(page) for j in JARGON)
        still_fine(srv, url, before, rss)


def test_job_description_upload_refuses_hostile_documents(page, server, files, shot):
    srv, url = server
    rerun(page, lambda: page.get_by_test_id("stSidebarNav").get_by_role("link", name="Interviews").click())
    page.get_by_role("tab", name="Details & job description").click()
    before, rss = row_counts(url), srv.rss_mb()
    for name in ("cv-zip-bomb.docx", "cv-flate-bomb.pdf", "setup.pdf", "page.txt"):
        started = upload(page, JD, files / name)
        alert, _ = refusal(page, DOCUMENTS[name][1], started)
        shot(page, f"job description {name}", focus=alert)
        still_fine(srv, url, before, rss)


def test_backup_restore_refuses_hostile_json(page, server, files, shot):
    srv, url = server
    rerun(page, lambda: page.get_by_test_id("stSidebarNav").get_by_role("link", name="Import & export").click())
    before, rss = row_counts(url), srv.rss_mb()
    for name, (_, words) in BACKUPS.items():
        started = upload(page, BACKUP, files / name)
        rerun(page, lambda: page.get_by_role("button", name="Import backup").click())
        alert, _ = refusal(page, words, started)
        shot(page, f"backup {name}", focus=alert)
        still_fine(srv, url, before, rss)


def test_fifty_megabyte_csv_is_refused_by_the_upload_widget(page, server, files, shot):
    srv, url = server
    rerun(page, lambda: page.get_by_test_id("stSidebarNav").get_by_role("link", name="Import & export").click())
    before, rss = row_counts(url), srv.rss_mb()
    box = uploader(page, CSV)
    started = time.monotonic()
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(files / "big.csv"))
    message = box.get_by_text(re.compile(r"File must be 10(\.0)? ?MB or smaller"))
    expect(message).to_be_visible(timeout=SAFETY_S * 1000)
    assert time.monotonic() - started < SAFETY_S
    shot(page, "csv of 50 MB", focus=message)
    assert not page.get_by_role("button", name="Import CSV").count()  # the server never received it
    still_fine(srv, url, before, rss)
