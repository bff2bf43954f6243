"""Fixed notices BorderDesk sends or prepares itself (out-of-hours, resolution updates).

One YAML file per notice in ``replies/notices/``, one line per language, validated at load:

    notices = Notices.load()
    text, language = notices.render("out_of_hours", "es", {"shopper_name": "Ana", ...})
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from replies.library import LibraryError
from replies.render import render

NOTICES_DIR = Path(__file__).resolve().parent / "notices"
REQUIRED = {
    "out_of_hours": {"shopper_name", "reply_time"},
    "resolved": {"shopper_name", "resolution"},
    "flood": {"shopper_name"},
}


@dataclass(frozen=True)
class Notices:
    texts: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, directory: Path = NOTICES_DIR) -> Notices:
        texts: dict[str, dict[str, str]] = {}
        for name, variables in REQUIRED.items():
            path = directory / f"{name}.yaml"
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise LibraryError(path, f"cannot be read: {exc}") from exc
            if not isinstance(data, dict) or "en" not in data:
                raise LibraryError(path, "expected one line per language, English included")
            for language, text in data.items():
                used = {f for _, f, _, _ in string.Formatter().parse(str(text)) if f}
                if used != variables:
                    raise LibraryError(
                        path,
                        f"uses {sorted(used)}, expected {sorted(variables)}",
                        field=str(language),
                    )
            texts[name] = {str(k): str(v) for k, v in data.items()}
        return cls(texts)

    def render(self, name: str, language: str, variables: Mapping[str, str]) -> tuple[str, str]:
        """(text, language used): English when the language has no version."""
        versions = self.texts[name]
        used = language if language in versions else "en"
        # Filled by name only: a value is never evaluated, ``{x.attr}`` never looked up.
        return render(versions[used], used, variables), used
