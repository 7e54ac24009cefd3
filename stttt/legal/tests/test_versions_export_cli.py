"""Versions, diff, exports (Akoma Ntoso, JSON round trip) and the CLI."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from stttt.legal import export, selectors, services
from stttt.legal.models import Document, Provision
from stttt.legal.tests.fixtures import edited_seed, seed_markdown

pytestmark = pytest.mark.django_db


def test_akoma_ntoso_export_validates(seed):
    xml = export.to_akn(seed)
    assert export.akn_errors(xml) == []
    assert b'eId="art_3__para_14__point_dd"' in xml and b'eId="dec__art_2"' in xml
    assert "Tổ chức thực hiện".encode() in xml
    assert export.akn_errors(xml.replace(b"<num>", b"<nonsense>", 1).replace(b"</num>", b"</nonsense>", 1))


def test_json_export_reimports_to_the_same_tree(seed):
    tree = selectors.document_tree(seed)
    data = export.to_json(seed)
    services.provision_set_fields(Provision.objects.get(document=seed, citation="3.9"), ["bao-chi"])
    data = export.to_json(seed)
    document_values = (
        Document.objects.filter(pk=seed.pk)
        .values("number", "signing_date", "effective_from", "issuer", "signer", "title", "recipients")
        .get()
    )
    seed.delete()
    assert Provision.objects.count() == 0
    result = services.document_import(data)
    assert result.created
    assert selectors.document_tree(result.document) == tree
    assert Document.objects.filter(pk=result.document.pk).values(*document_values).get() == document_values
    assert list(Provision.objects.get(citation="3.9").fields.values_list("code", flat=True)) == ["bao-chi"]
    assert result.document.bases.count() == 9
    assert {w.code for w in result.warnings} >= {"label_repaired", "paragraph_joined"}
    again = services.document_import(data)
    assert not again.created and again.provisions_updated == 0


def test_versions_and_as_of(seed):
    result = services.document_import(edited_seed(seed_markdown()))
    assert result.created
    first, second = Document.objects.order_by("version_date")
    assert (first.version_date, first.effective_to) == (datetime.date(2023, 3, 3), datetime.date(2024, 6, 30))
    assert (second.effective_from, second.effective_to) == (datetime.date(2024, 7, 1), None)
    assert selectors.default_document(as_of=datetime.date(2023, 6, 1)) == first
    assert selectors.default_document(as_of=datetime.date(2025, 1, 1)) == second
    assert selectors.default_document(as_of=datetime.date(2020, 1, 1)) is None
    assert selectors.provision_get("3.36", as_of=datetime.date(2025, 1, 1)).document == second
    with pytest.raises(selectors.ProvisionNotFound):
        selectors.provision_get("3.36", as_of=datetime.date(2023, 6, 1))
    assert selectors.provision_get("3.36").document == second  # today


def test_diff_of_two_files(seed, tmp_path, capsys):
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(seed_markdown(), encoding="utf-8")
    new.write_text(edited_seed(seed_markdown()), encoding="utf-8")
    call_command("legal", "diff", str(old), str(new), "--format", "json")
    changes = {c["citation"]: c for c in json.loads(capsys.readouterr().out)}
    assert set(changes) == {"3.4.b", "3.36", "3.12.c", "QĐ.2"}
    assert changes["3.36"]["status"] == "added"
    assert changes["3.12.c"]["status"] == "removed"
    assert changes["3.4.b"]["status"] == "changed"
    assert any(op == "+" and "gia hạn" in words for op, words in changes["3.4.b"]["words"])
    call_command("legal", "diff", str(old), str(new))
    out = capsys.readouterr().out
    assert "gia hạn+}" in out and "3.36" in out


def test_diff_of_two_imported_versions(seed, capsys):
    services.document_import(edited_seed(seed_markdown()))
    call_command("legal", "diff", "12/2023/QĐ-UBND@2023-06-01", "12/2023/QĐ-UBND@2025-01-01")
    out = capsys.readouterr().out
    assert "3.36" in out and "3.12.c" in out
    call_command("legal", "diff", "12/2023/QĐ-UBND@2023-06-01", "12/2023/QĐ-UBND@2023-06-01")
    out = capsys.readouterr().out
    assert "No differences." in out or "Không có khác biệt." in out


def test_cli_import_prints_warnings_and_refuses(db, tmp_path, capsys):
    path = tmp_path / "seed.md"
    path.write_text(seed_markdown(), encoding="utf-8")
    call_command("legal", "import", str(path))
    out = capsys.readouterr().out
    assert "12/2023/QĐ-UBND" in out and "3.14.đ" in out and "4.3.b" in out
    junk = tmp_path / "junk.md"
    junk.write_text("# Shopping list\n\n- milk\n", encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("legal", "import", str(junk))
    assert caught.value.returncode == 2
    assert Document.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("legal", "import", str(tmp_path / "missing.md"))


def test_cli_show_tree_search_export(seed, capsys, tmp_path):
    call_command("legal", "show", "3.14.dd")
    out = capsys.readouterr().out
    assert out.startswith("điểm đ khoản 14 Điều 3 Quy định ban hành kèm theo")
    assert "art_3__para_14__point_dd" in out
    with pytest.raises(CommandError) as caught:
        call_command("legal", "show", "3.14.k")
    assert caught.value.returncode == 2 and "3.14.h" in str(caught.value)
    call_command("legal", "tree", "--format", "json")
    roots = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in roots] == ["decision", "regulation"]
    assert set(roots[1]["children"][0]) >= {"eid", "citation", "kind", "num", "heading", "text", "children"}
    call_command("legal", "search", "giay", "phep", "xuat", "ban", "ban", "tin", "--format", "json")
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["citation"] == "3.4.b" and "<mark>" in hits[0]["snippet"] and hits[0]["eid"]
    call_command("legal", "export", "--format", "akn", "-o", str(tmp_path / "x.xml"))
    assert export.akn_errors((tmp_path / "x.xml").read_bytes()) == []
    call_command("legal", "export", "--format", "json")
    assert json.loads(capsys.readouterr().out)["document"]["number"] == "12/2023/QĐ-UBND"


def test_cli_tag(seed, capsys):
    call_command("legal", "tag", "3.9", "bao-chi", "xuat-ban-in-phat-hanh")
    assert capsys.readouterr().out.strip() == "3.9: báo chí; xuất bản, in, phát hành"
    with pytest.raises(CommandError) as caught:
        call_command("legal", "tag", "3.9", "no-such-field")
    assert caught.value.returncode == 2
    assert Provision.objects.get(citation="3.9").fields.count() == 2


def test_demo_load_is_idempotent(db):
    import io

    from stttt.legal import demo

    demo.load(io.StringIO())
    count = Provision.objects.count()
    demo.load(io.StringIO())
    # the seed, the demo amending decision (fictional) and the seed's consolidated version from 01/07/2024
    assert Provision.objects.count() == count and Document.objects.count() == 3
    seed = Provision.objects.filter(document__source_format="markdown", document__number="12/2023/QĐ-UBND")
    assert seed.count() == 146
