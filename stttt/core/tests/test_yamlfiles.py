"""YAML from users and operators is read with limits (issue 12): an alias bomb or an oversized text is
refused before it is expanded, by the shared loader and by every command that reads such a file."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from stttt.core import yamlfiles
from stttt.org.tests.conftest import org  # noqa: F401  # a Department for the command

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
    for n in range(12)
)


def test_an_alias_bomb_is_refused_at_once_with_its_place():
    assert len(BOMB) < 1000
    with pytest.raises(yamlfiles.AliasRefused) as refused:  # before expanding: it would take minutes
        yamlfiles.load(BOMB)
    assert refused.value.mark.line == 0


def test_a_text_over_the_cap_is_refused_before_parsing():
    with pytest.raises(yamlfiles.TooLarge):
        yamlfiles.load(b"#" * (yamlfiles.MAX_BYTES + 1))
    assert yamlfiles.load("a: [1, 2]") == {"a": [1, 2]}


@pytest.mark.usefixtures("org")
def test_the_procedures_catalogue_command_refuses_an_alias_bomb(tmp_path):
    path = tmp_path / "catalogue.yaml"
    path.write_text(BOMB)
    with pytest.raises(CommandError) as refused:
        call_command("procedures", "load", "--file", str(path))
    assert "aliases" in str(refused.value) or "bí danh" in str(refused.value)
