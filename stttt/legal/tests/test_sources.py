"""Every shape of one legal document gives the same tree (issue 15): the seed, and a corpus of real
documents of other issuers and types, each as copied from a portal and in the shapes `shapes` makes
(DOCX, PDF, scan, text copied from vbpl.vn and portals)."""

from __future__ import annotations

import difflib
import functools
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from PIL import Image

from stttt.legal import importer, services, sources
from stttt.legal.models import Document, Provision
from stttt.legal.sources import ocr
from stttt.legal.tests import shapes
from stttt.legal.tests.fixtures import seed_markdown

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = sorted(path.name.removesuffix(".portal.txt") for path in CORPUS.glob("*.portal.txt"))
SEED_HEADER = shapes.Header(
    ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"], "12/2023/QĐ-UBND", "Bình Phước, ngày 23 tháng 3 năm 2023"
)
TEXT_SHAPES = {
    "vbpl.txt": shapes.vbpl_text,
    "browser.txt": shapes.browser_text,
    "portal.txt": shapes.portal_text,
    "grid.txt": shapes.grid_text,
}

needs_soffice = pytest.mark.skipif(not shapes.soffice_available(), reason="LibreOffice (soffice) is not installed")
needs_ocr = pytest.mark.skipif(
    ocr.missing() is not None, reason=f"OCR is not installed (Debian packages: {ocr.missing()})"
)


@functools.cache
def _markdown(name: str) -> str:
    return seed_markdown() if name == "seed" else (CORPUS / f"{name}.md").read_text(encoding="utf-8")


@functools.cache
def _doc(name: str) -> shapes.Doc:
    return shapes.read_markdown(_markdown(name), SEED_HEADER if name == "seed" else None)


@functools.cache
def _docx(name: str) -> bytes:
    return shapes.to_docx(_doc(name))


@functools.cache
def _pdf(name: str) -> bytes:
    return shapes.to_pdf(_docx(name))


def _shape(name: str, shape: str) -> bytes:
    if shape == "docx":
        return _docx(name)
    if shape == "pdf":
        return _pdf(name)
    if shape == "copy.txt":  # the copy as found on the portal, committed beside the reference
        return (CORPUS / f"{name}.portal.txt").read_bytes()
    return TEXT_SHAPES[shape](_doc(name)).encode()


def _parse(data: bytes, name: str = "") -> tuple[importer.ParsedDocument, sources.Source]:
    source = sources.read(data, name=name)
    return importer.parse(source.text), source


def _meta(parsed: importer.ParsedDocument) -> tuple:
    return (
        parsed.doc_type,
        parsed.number,
        parsed.issuer,
        parsed.signing_date,
        parsed.effective_from,
        parsed.title,
        parsed.regulation_title,
    )


# ---------------------------------------------------------------------------------------------------------
# The seed: every shape gives the Markdown's tree, through `stttt legal import` and `legal tree`


def _cli_tree(path: Path, capsys) -> tuple[str, list]:
    call_command("legal", "import", str(path))
    imported = capsys.readouterr().out
    call_command("legal", "tree", "--format", "json")
    return imported, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param("docx", id="docx"),
        pytest.param("pdf", id="pdf", marks=needs_soffice),
        *(pytest.param(name, id=name) for name in TEXT_SHAPES),
    ],
)
def test_seed_shapes_give_the_markdown_tree(db, tmp_path, capsys, shape):
    markdown = tmp_path / "seed.md"
    markdown.write_text(seed_markdown(), encoding="utf-8")
    _out, expected = _cli_tree(markdown, capsys)
    other = tmp_path / f"seed.{shape}"
    other.write_bytes(_shape("seed", shape))
    _out, tree = _cli_tree(other, capsys)
    assert tree == expected
    assert Document.objects.count() == 1  # the same document and version, updated in place
    document = Document.objects.get()
    assert (document.number, document.issuer, str(document.signing_date)) == (
        "12/2023/QĐ-UBND",
        "Ủy ban nhân dân tỉnh Bình Phước",
        "2023-03-23",
    )
    assert document.source_format == {"docx": "docx", "pdf": "pdf"}.get(shape, "text")
    codes = set(document.data_warnings.values_list("code", flat=True))
    assert "header_rebuilt" in codes or shape == "docx"  # a Word table is a table, nothing to rebuild


@pytest.mark.parametrize("name", [name for name in DOCUMENTS if "thai-nguyen" not in name])
def test_a_portal_copy_refused_as_not_a_legal_document_before_is_read_now(name):
    """Issue 15: copies from a portal were refused as "not a legal document" by the parser alone."""
    copy = (CORPUS / f"{name}.portal.txt").read_text(encoding="utf-8")
    with pytest.raises(importer.ImportRefused):
        importer.parse(copy)
    parsed, source = _parse(copy.encode())
    assert parsed.number == importer.parse(_markdown(name)).number
    assert "header_rebuilt" in [code for code, _message in source.repairs]


def test_page_numbers_footers_and_banners_are_removed_and_reported():
    text = shapes.portal_text(_doc("seed"))
    assert "- 2 -" in text and shapes.FOOTER in text
    _parsed, source = _parse(text.encode())
    assert "- 2 -" not in source.text and shapes.FOOTER not in source.text and "Tải về" not in source.text
    messages = " ".join(message for code, message in source.repairs if code == "furniture_removed")
    assert "- 2 -" in messages and "Văn bản pháp luật" in messages


def test_word_numbering_is_written_out():
    """The regulation's clauses in the DOCX are numbered by Word (not in the text); the reader counts."""
    document = docx.Document(io.BytesIO(_docx("seed")))
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(numbered) > 50 and numbered[0].text.startswith("Sở Thông tin và Truyền thông (dưới đây")
    text = sources.docx.to_text(_docx("seed"))
    assert "\n1. Sở Thông tin và Truyền thông (dưới đây" in text and "\n35. Thực hiện các nhiệm vụ khác" in text


# ---------------------------------------------------------------------------------------------------------
# The corpus: real documents of other issuers and types, every shape the same tree and metadata

CORPUS_SHAPES = [
    pytest.param("copy.txt", id="portal-copy"),
    pytest.param("docx", id="docx"),
    pytest.param("pdf", id="pdf", marks=needs_soffice),
    *(pytest.param(name, id=name) for name in TEXT_SHAPES),
]


def test_the_corpus_has_five_documents_of_different_issuers_and_types():
    parsed = [importer.parse(_markdown(name)) for name in DOCUMENTS]
    assert len(parsed) >= 5
    assert len({doc.doc_type for doc in parsed}) >= 5
    assert len({doc.issuer for doc in parsed}) >= 5
    assert all((CORPUS / f"{name}.portal.txt").is_file() for name in DOCUMENTS)


def test_issuers_of_the_corpus_are_written_as_vietnamese_writes_them():
    """Each issuer from the capitals of its header (`BỘ XÂY DỰNG`) with the capitals of its name."""
    issuers = {name: importer.parse(_markdown(name)).issuer for name in DOCUMENTS}
    assert issuers == {
        "luat-80-2025-qh15": "Quốc hội",
        "nd-304-2025-nd-cp": "Chính phủ",
        "nq-80-2025-nq-hdnd-ha-noi": "Hội đồng nhân dân thành phố Hà Nội",
        "qd-26-2025-qd-ubnd-thai-nguyen": "Ủy ban nhân dân tỉnh Thái Nguyên",
        "qd-72-2025-qd-ubnd-ha-noi": "Ủy ban nhân dân thành phố Hà Nội",
        "tt-36-2025-tt-bxd": "Bộ Xây dựng",
    }


@pytest.mark.parametrize("shape", CORPUS_SHAPES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_shape_of_a_corpus_document_gives_the_same_tree(name, shape):
    reference = importer.parse(_markdown(name))
    parsed, source = _parse(_shape(name, shape), name=f"{name}.{shape}")
    assert importer.as_tree(parsed) == importer.as_tree(reference)
    assert _meta(parsed) == _meta(reference)
    if shape == "copy.txt":
        assert "header_rebuilt" in {code for code, _message in source.repairs}


def test_a_law_with_sections_keeps_its_articles_and_says_so():
    parsed = importer.parse(_markdown("luat-80-2025-qh15"))
    chapters = parsed.decision.children
    assert [c.num for c in chapters] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert [a.num for c in chapters for a in c.children] == [str(n) for n in range(1, 46)]
    sections = [w for w in parsed.warnings if w.code == "section_ignored"]
    assert len(sections) == 10 and "NGHĨA VỤ CỦA CÁN BỘ, CÔNG CHỨC" in sections[0].message
    assert (parsed.issuer, parsed.title) == ("Quốc hội", "CÁN BỘ, CÔNG CHỨC")


def test_a_portal_copy_imports_with_its_repairs_recorded(db):
    result = services.document_import_file((CORPUS / "nd-304-2025-nd-cp.portal.txt").read_bytes(), name="x.txt")
    codes = [warning.code for warning in result.warnings]
    assert codes[:3] == ["lines_joined", "header_rebuilt", "furniture_removed"]
    assert result.document.number == "304/2025/NĐ-CP" and result.document.issuer == "Chính phủ"
    assert Provision.objects.filter(document=result.document, kind="article").count() == 8


# ---------------------------------------------------------------------------------------------------------
# Scans (OCR)


def _similarity(a: list, b: list) -> float:
    return difflib.SequenceMatcher(None, json.dumps(a, ensure_ascii=False), json.dumps(b, ensure_ascii=False)).ratio()


@needs_soffice
@needs_ocr
def test_a_scanned_decision_is_read_by_ocr():
    """OCR misreads a few diacritics and labels, so the check is the Decision's structure and a close
    text, not equality (see docs/legal.md); the first two pages are the Decision itself."""
    scan = shapes.to_scan(_pdf("seed"), pages=2)
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(scan))
    parsed, source = _parse(scan, name="scan.pdf")
    assert source.format == "ocr" and source.repairs[0][0] == "ocr_text"
    reference = importer.parse(seed_markdown())
    ours, theirs = importer.as_tree(parsed)[0], importer.as_tree(reference)[0]
    assert [node.eid for node in parsed.decision.walk()] == [node.eid for node in reference.decision.walk()]
    assert _similarity([ours], [theirs]) > 0.97
    assert parsed.number == "12/2023/QĐ-UBND" and parsed.effective_from == reference.effective_from


def _blank_scan() -> bytes:
    out = io.BytesIO()
    Image.new("L", (200, 280), 255).save(out, "PDF", resolution=72)
    return out.getvalue()


def test_a_scan_without_ocr_installed_is_refused_naming_the_packages(db, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no pdftoppm, no tesseract on this PATH
    with pytest.raises(importer.ImportRefused) as caught:
        services.document_import_file(_blank_scan(), name="scan.pdf")
    assert "poppler-utils" in str(caught.value) or "tesseract-ocr" in str(caught.value)
    assert Document.objects.count() == 0


# ---------------------------------------------------------------------------------------------------------
# What is not a legal document (or not a readable file) is refused and nothing is written


def _letter_docx() -> bytes:
    document = docx.Document()
    for line in ("Kính gửi: Ban Giám đốc", "Hôm nay chúng tôi xin báo cáo tình hình tháng 5.", "Trân trọng."):
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "data, reason",
    [
        pytest.param(_letter_docx(), "QUYẾT ĐỊNH", id="a-letter-in-docx"),
        pytest.param(b"PK\x03\x04 not really a zip", "DOCX", id="broken-docx"),
        pytest.param(b"%PDF-1.7 broken", "PDF", id="broken-pdf"),
        pytest.param(bytes(range(256)) * 4, "UTF-8", id="binary"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "DOCX", id="word-97-doc"),
    ],
)
def test_what_is_not_a_legal_document_is_refused_and_nothing_written(db, data, reason):
    with pytest.raises(importer.ImportRefused) as caught:
        services.document_import_file(data, name="file")
    assert reason in str(caught.value)
    assert Document.objects.count() == 0 and Provision.objects.count() == 0


@needs_soffice
def test_a_letter_in_pdf_is_refused(db, tmp_path):
    (tmp_path / "letter.pdf").write_bytes(shapes.to_pdf(_letter_docx()))
    with pytest.raises(Exception) as caught:
        call_command("legal", "import", str(tmp_path / "letter.pdf"))
    assert getattr(caught.value, "returncode", None) == 2
    assert Document.objects.count() == 0
