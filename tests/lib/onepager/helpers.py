"""Shared helpers for the one-pager tests (fast, pure: no files outside the package)."""

from __future__ import annotations

import datetime as dt
import functools
import io

from pypdf import PdfReader

from lib.onepager.ops import TextOp
from lib.onepager.page import MARGIN_X, PageLayout
from lib.onepager.render import new_document
from lib.onepager.text import Metrics

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


@functools.cache
def metrics(paper: str = "a4") -> Metrics:
    return new_document(paper)[1]


def reader(pdf_bytes: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


def text_ops(page: PageLayout) -> list[TextOp]:
    return [op for op in (*page.ops, *page.footer_ops) if isinstance(op, TextOp) and op.text]


def layout_problems(page: PageLayout) -> list[str]:
    """Overlapping text, text outside the printable area, body text below the content bottom."""
    problems: list[str] = []
    body = [op for op in page.ops if isinstance(op, TextOp) and op.text]
    texts = text_ops(page)
    for op in texts:
        left, top, right, bottom = op.ink_box()
        if left < MARGIN_X - 0.01 or right > page.width - MARGIN_X + 0.01 or top < 0 or bottom > page.height:
            problems.append(f"outside the page: {op.text[:40]!r}")
    for op in body:
        if op.ink_box()[3] > page.content_bottom + 0.01:
            problems.append(f"below the content area: {op.text[:40]!r}")
    boxes = [(op, op.ink_box()) for op in texts]
    for i, (a, (al, at, ar, ab)) in enumerate(boxes):
        for b, (bl, bt, br, bb) in boxes[i + 1:]:
            if al < br - 0.05 and bl < ar - 0.05 and at < bb - 0.05 and bt < ab - 0.05:
                problems.append(f"overlap: {a.text[:30]!r} / {b.text[:30]!r}")
    return problems
