"""The parser process: reads one PDF or DOCX from stdin and writes the extracted text as JSON to stdout.

Run only by :mod:`lib.ingest.sandbox` as ``python -I lib/ingest/_worker.py <kind> <limits-json>``. It is
self-contained on purpose (standard library, pypdf, python-docx; nothing from ``lib``, never streamlit):
the (trusted) parser library is imported, then memory, CPU time, file writes and new processes are capped
with ``resource.setrlimit`` *before* the untrusted bytes are read, and every failure is reported as a
short code the parent turns into a sentence for the person. Output on success:
``{"ok": true, "text": ..., "pages": n, "warnings": [...]}``; on a refusal:
``{"ok": false, "code": ..., "detail": ...}``.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import zipfile

MB = 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class Refusal(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.detail = detail


def set_limits(memory_mb: int, cpu_s: int) -> None:
    """Cap address space, CPU seconds, file writes, core dumps and new processes (never raising the
    limits this process already has)."""
    try:
        import resource
    except ImportError:  # not a POSIX system: only the parent's wall-clock timeout applies
        return

    def cap(which: int, soft: int, hard: int) -> None:
        _, current = resource.getrlimit(which)
        if current != resource.RLIM_INFINITY:
            soft, hard = min(soft, current), min(hard, current)
        try:
            resource.setrlimit(which, (soft, hard))
        except (ValueError, OSError):
            pass

    cap(resource.RLIMIT_AS, memory_mb * MB, memory_mb * MB)
    cap(resource.RLIMIT_CPU, cpu_s, cpu_s + 1)
    cap(resource.RLIMIT_FSIZE, 0, 0)  # no file writes
    cap(resource.RLIMIT_CORE, 0, 0)
    cap(resource.RLIMIT_NPROC, 0, 0)  # the parser never needs to start a process


# ---------------------------------------------------------------- DOCX


def _xml_part_text(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with zf.open(info) as fh:  # zipfile stops at the declared size and checks the CRC
        data = fh.read(info.file_size + 1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    return data


def check_docx_parts(data: bytes) -> None:
    """Refuse DTD/ENTITY declarations in any XML part (XXE, billion laughs)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            name = info.filename.lower()
            if name.endswith((".xml", ".rels")) and not info.is_dir():
                if _DTD.search(_xml_part_text(zf, info)):
                    raise Refusal("xml_dtd", info.filename)


def _para_text(p, list_styles: set[str]) -> str:
    """A paragraph's text; list items (numbering, or a "List ..." style) get a "- " prefix.

    Reads the XML directly: python-docx's ``Paragraph.style`` rescans every style per call (9 s for
    1,000 paragraphs)."""
    text = p.text.strip()
    if not text:
        return ""
    ppr = p.pPr
    if ppr is not None and (ppr.numPr is not None or (ppr.pStyle is not None and ppr.pStyle.val in list_styles)):
        return f"- {text}"
    return text


def _list_style_ids(document) -> set[str]:
    ids = set()
    for style in document.styles.element.iterchildren(_W + "style"):
        name = style.find(_W + "name")
        value = (name.get(_W + "val") if name is not None else "") or ""
        if value.lower().startswith("list") or style.find(f"{_W}pPr/{_W}numPr") is not None:
            ids.add(style.get(_W + "styleId") or "")
    return ids




def _rows(tbl):
    """A table's rows, including rows wrapped in content controls."""
    for child in tbl.iterchildren():
        if child.tag == _W + "tr":
            yield child
        elif child.tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from (r for r in content.iterchildren() if r.tag == _W + "tr")


def _textbox_lines(p) -> list[str]:
    """Text boxes anchored in a paragraph (the Fallback copy of a shape is skipped: same text)."""
    lines = []
    for box in p.iter(_W + "txbxContent"):
        if any(anc.tag == _MC_FALLBACK for anc in box.iterancestors()):
            continue
        for inner in box.iter(_W + "p"):
            text = "".join(t.text or "" for t in inner.iter(_W + "t")).strip()
            if text:
                lines.append(text)
    return lines


def _walk(element, list_styles: set[str], out: list[str], depth: int = 0) -> None:
    """Body order: paragraphs, tables (cell by cell), content controls, text boxes."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            line = _para_text(child, list_styles)
            if line:
                out.append(line)
            out.extend(_textbox_lines(child))
        elif tag == _W + "tbl" and depth < 5:
            for row in _rows(child):
                for cell in row.iterchildren(_W + "tc", _W + "sdt"):
                    inner = cell.find(_W + "sdtContent") if cell.tag == _W + "sdt" else cell
                    if inner is not None:
                        _walk(inner, list_styles, out, depth + 1)
            out.append("")
        elif tag in (_W + "sdt", _W + "customXml") and depth < 10:
            content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
            if content is not None:
                _walk(content, list_styles, out, depth + 1)


def extract_docx(data: bytes, limits: dict) -> dict:
    check_docx_parts(data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:  # e.g. a macro-enabled or template content type
        raise Refusal("not_docx", str(exc)[:200]) from None
    lines: list[str] = []
    _walk(document.element.body, _list_style_ids(document), lines)
    text = "\n".join(lines)
    warnings = []
    if len(text) > limits["max_chars"]:
        text = text[: limits["max_chars"]]
        warnings.append("truncated")
    return {"ok": True, "text": text, "pages": 0, "warnings": warnings}


# ---------------------------------------------------------------- PDF


def extract_pdf(data: bytes, limits: dict) -> dict:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    cap = 32 * MB
    pypdf.overwrite_configuration(
        jbig2dec_binary=None,  # never run an external program on untrusted input
        zlib_maximum_output_length=cap,
        lzw_maximum_output_length=cap,
        run_length_maximum_output_length=cap,
        array_based_stream_maximum_output_length=cap,
        brotli_maximum_output_length=cap,
        jbig2_maximum_output_length=cap,
        maximum_declared_stream_length=cap,
        image_maximum_buffer_size=cap,
        stream_decoding_work_maximum_length=4 * cap,
    )
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False, root_object_recovery_limit=2_000,
                             xref_stream_maximum_entries=200_000)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                raise Refusal("encrypted")
        except (FileNotDecryptedError, NotImplementedError):
            raise Refusal("encrypted") from None
    n_pages = len(reader.pages)
    if n_pages > limits["max_pdf_pages"]:
        raise Refusal("too_many_pages", str(n_pages))
    parts: list[str] = []
    total = 0
    warnings = []
    failed = 0
    for page in reader.pages:
        try:
            chunk = page.extract_text() or ""
        except (MemoryError, RecursionError, LimitReachedError):
            raise
        except Exception:  # one damaged page should not lose the others
            failed += 1
            continue
        parts.append(chunk)
        total += len(chunk)
        if total > limits["max_chars"]:
            warnings.append("truncated")
            break
    if failed:
        warnings.append(f"pages_failed:{failed}")
    text = "\n".join(parts)[: limits["max_chars"]]
    return {"ok": True, "text": text, "pages": n_pages, "warnings": warnings}


# ---------------------------------------------------------------- main


def run(kind: str, data: bytes, limits: dict) -> dict:
    try:
        if kind == "pdf":
            return extract_pdf(data, limits)
        if kind == "docx":
            return extract_docx(data, limits)
        return {"ok": False, "code": "unknown_kind", "detail": kind}
    except Refusal as r:
        return {"ok": False, "code": r.code, "detail": r.detail}
    except MemoryError:
        return {"ok": False, "code": "memory", "detail": ""}
    except ImportError as exc:
        low = str(exc).lower()
        code = "memory" if ("map segment" in low or "allocate" in low) else "crashed"
        return {"ok": False, "code": code, "detail": str(exc)[:200]}
    except RecursionError:
        return {"ok": False, "code": "damaged", "detail": "recursion"}
    except zipfile.BadZipFile as exc:
        return {"ok": False, "code": "damaged", "detail": str(exc)[:200]}
    except Exception as exc:  # any parser exception: the parent refuses the file politely
        name = type(exc).__name__
        code = "limit" if "Limit" in name else "damaged"
        return {"ok": False, "code": code, "detail": f"{name}: {str(exc)[:200]}"}


def main() -> None:
    kind = sys.argv[1]
    limits = json.loads(sys.argv[2])
    # Import the (trusted) parser first, then cap memory and CPU before reading the untrusted bytes.
    try:
        __import__("pypdf" if kind == "pdf" else "docx")
    except ImportError:
        pass  # reported by run() below
    set_limits(int(limits["memory_mb"]), max(1, int(limits["timeout_s"]) + 1))
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a library print must not corrupt the JSON answer
    data = sys.stdin.buffer.read()
    result = run(kind, data, limits)
    payload = json.dumps(result, ensure_ascii=True).encode("ascii")
    out.write(payload)
    out.flush()
    os._exit(0)  # skip interpreter teardown (nothing to clean up; faster)


if __name__ == "__main__":
    main()
