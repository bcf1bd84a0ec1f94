"""Word, plain-text and Markdown exports of the reconsideration summary."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx

from lib.docx_export import summary_docx, summary_markdown, summary_text
from lib.letters_case import assemble_summary
from lib.models import CasePoint, Contact, Evidence, EvidenceKind, FeedbackItem, Interview

INTERVIEW = Interview(company="Fjord & Co", role="Ops Lead", interview_date=dt.date(2026, 5, 4), id=1)
STORY = Evidence(kind=EvidenceKind.STORY, title="Cut stock-outs", action="I rebuilt the reorder rules.",
                 result="Stock-outs fell by 40% in one quarter.", id=1)
POINTS = [
    (FeedbackItem(interview_id=1, wording="Little inventory experience", id=1),
     CasePoint(interview_id=1, feedback_id=1, evidence_ids=(1,))),
    (FeedbackItem(interview_id=1, wording="Process design", id=2),
     CasePoint(interview_id=1, feedback_id=2, evidence_ids=(1,),
               paragraph="I mapped 14 warehouse steps <w:t>and</w:t> [removed](http://x.example) 3\x01 of them.")),
]
SUMMARY = assemble_summary(INTERVIEW, Contact(interview_id=1, name="Ines Berg"), POINTS, {1: STORY},
                           sender_name="Alex")


def test_docx_opens_and_contains_each_point_as_a_paragraph():
    data = summary_docx(SUMMARY, title="Second look: Ops Lead at Fjord & Co")
    assert zipfile.is_zipfile(io.BytesIO(data))
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Second look: Ops Lead at Fjord & Co"
    assert "Dear Ines," in texts
    for paragraph in SUMMARY.paragraphs:
        assert paragraph.replace("\x01", "") in texts
    # user text stays literal: the XML-looking text is a run's text, not markup
    assert any("<w:t>and</w:t>" in t for t in texts)
    assert document.core_properties.author == ""
    assert texts[-1] == "Kind regards,\nAlex"


def test_plain_text_and_markdown_exports():
    assert summary_text(SUMMARY) == SUMMARY.text
    assert summary_text(SUMMARY, title="Case").startswith("Case\n\n")
    md = summary_markdown(SUMMARY, title="Case [1]")
    assert md.startswith("# Case \\[1\\]\n\n")
    assert "\\[removed\\]\\(http\\:\\/\\/x.example\\)" in md
