"""Safe document ingestion: text from PDF/DOCX/TXT uploads, and résumé splitting into evidence proposals.

Public API: :func:`extract_text` / :class:`Extracted` (``lib.ingest.extract``), :class:`Limits`
(``lib.ingest.limits``), :func:`rejoin_lines` / :func:`normalise_bullets` / :func:`normalise_text`
(``lib.ingest.textfix``), :func:`split_resume` / :class:`ProposedItem` (``lib.ingest.resume``).
"""

from lib.ingest.extract import Extracted, extract_text
from lib.ingest.limits import Limits
from lib.ingest.resume import ProposedItem, split_resume
from lib.ingest.textfix import normalise_bullets, normalise_text, rejoin_lines

__all__ = ["Extracted", "Limits", "ProposedItem", "extract_text", "normalise_bullets", "normalise_text",
           "rejoin_lines", "split_resume"]
