"""A bench that drives the fakes says which published spec is missing before it starts."""

from pathlib import Path

import pytest

from tests.fakes import spec_paths
from tests.fakes.spec_paths import API_SPECS, missing_specs


def test_missing_specs_names_each_absent_file_and_where_it_was_looked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spec_paths, "SPECS_DIR", tmp_path)
    (tmp_path / "telegram").mkdir()
    (tmp_path / API_SPECS[0]).write_text("{}")

    problem = missing_specs()

    assert problem is not None
    assert API_SPECS[1] in problem and API_SPECS[0] not in problem
    assert str(tmp_path) in problem and "../shared/specs" in problem


def test_missing_specs_is_none_when_every_spec_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spec_paths, "SPECS_DIR", tmp_path)
    for name in API_SPECS:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")

    assert missing_specs() is None
