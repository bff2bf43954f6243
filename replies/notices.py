"""Fixed notices BorderDesk sends or prepares itself: out-of-hours, escalation and
resolution updates, the proactive order messages (payment reminder, shipped, delay,
review request) and the rating question once a conversation is resolved.

One YAML file per notice in ``replies/notices/``, one line per language, validated at load.
A regional variant has a line of its own (``pt-PT``, ``replies.variants``): a shopper in a
country that reads it (Portugal) gets it; others, and everyone when a store's copy has no
such line, get the base language (``pt``).
A store edits a notice by copying its file into its own folder (``BORDERDESK_NOTICES_DIR``);
a copy there replaces the built-in file, the other notices stay built in::

    notices = Notices.load(config.notices_dir)
    text, language = notices.render("out_of_hours", "es", {"shopper_name": "Ana", ...})
    text, language = notices.render("shipped", "pt", values, country="PT")  # pt-PT, "pt"
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from replies.library import LibraryError
from replies.render import render
from replies.variants import VARIANTS, locale_for

NOTICES_DIR = Path(__file__).resolve().parent / "notices"
_ORDER = frozenset({"shopper_name", "order_number"})
_SHIPMENT = _ORDER | {"carrier", "tracking_number"}
REQUIRED: Mapping[str, frozenset[str]] = {
    "out_of_hours": frozenset({"shopper_name", "reply_time"}),
    # with agents: nobody who reads the shopper's language is on shift (handlers/inbound.py)
    "out_of_shift": frozenset({"shopper_name", "reply_time"}),
    "resolved": frozenset({"shopper_name", "resolution"}),
    # "resolved" without the department's note, when it cannot be given in the shopper's
    # language (handlers/escalation.py)
    "resolved_plain": frozenset({"shopper_name"}),
    "flood": frozenset({"shopper_name"}),
    # proactive messages (handlers/proactive/), each ending with a "reply STOP" line
    "payment_reminder": _ORDER,
    "shipped": _SHIPMENT | {"tracking_link", "estimated_delivery"},
    "delay": _SHIPMENT,
    "review_request": _ORDER,
    # one question once a conversation is resolved (handlers/ratings/): 1-5 and a comment
    "rating": frozenset({"shopper_name"}),
    # confirms a "stop": no more proactive messages until the shopper writes "start"
    "stopped": frozenset({"shopper_name"}),
    # a card was escalated without a suggested answer: the shopper is told who has it;
    # {team} comes from TEAMS_FILE, in the words that language's sentence needs
    "escalated": frozenset({"shopper_name", "team"}),
    # joining two chats of one shopper by a one-time code (handlers/customer_joins.py)
    "join_code_sent": frozenset({"order_number"}),  # to the chat that asked
    "join_code": frozenset({"order_number", "code"}),  # to the chat that holds the order
    "join_code_wrong": frozenset({"tries_left"}),
    "join_code_locked": frozenset(),
    "join_code_expired": frozenset(),
    "join_code_elsewhere": frozenset(),  # typed in the chat it was sent to
    "joined": frozenset(),  # to both chats
}
TEAMS_FILE = "escalated_teams"
# A line that only exists to show one of these is left out when the value is unknown
# ("Track it here: {tracking_link}" with no link), rather than left dangling.
LINE_VARIABLES = frozenset({"tracking_link", "estimated_delivery"})


@dataclass(frozen=True)
class Notices:
    texts: Mapping[str, Mapping[str, str]]
    teams: Mapping[str, Mapping[str, str]]  # department -> language -> words for {team}

    @classmethod
    def load(cls, directory: Path | None = None) -> Notices:
        """The built-in notices, each replaced by the store's copy in ``directory`` if any.

        A store's copy may leave variables out (say, no tracking link) but not use unknown
        ones; a file there that is no notice is refused, so a misspelt name is noticed.
        """
        own = _own_files(directory)
        texts: dict[str, dict[str, str]] = {}
        for name, variables in REQUIRED.items():
            path = own.get(name, NOTICES_DIR / f"{name}.yaml")
            texts[name] = _read(path, variables, exact=name not in own)
        teams = _read_teams(own.get(TEAMS_FILE, NOTICES_DIR / f"{TEAMS_FILE}.yaml"))
        return cls(texts, teams)

    def team(self, department: str, language: str, *, country: str | None = None) -> str:
        """How the escalated notice names ``department`` in ``language`` as read in
        ``country`` (English words when that language has none, the bare name for a
        department the file lacks)."""
        names = self.teams.get(department, {})
        return names.get(line_for(names, language, country)) or names.get("en") or department

    def render(
        self,
        name: str,
        language: str,
        variables: Mapping[str, str],
        *,
        country: str | None = None,
    ) -> tuple[str, str]:
        """(text, language used): English when the language has no version; the regional
        variant of ``language`` read in ``country`` (the shopper's, ``replies.facts.country``)
        when the notice has one. The language used is the base one (``pt`` for ``pt-PT``),
        as the rest of the desk knows the shopper's language.

        Unknown values are tidied away (``replies.render``); a line that shows only an
        unknown tracking link or delivery date is dropped, and so is an unknown value in
        brackets, "(…)", with the space before it.
        """
        versions = self.texts[name]
        line = line_for(versions, language, country)
        used, line = (language, line) if line in versions else ("en", "en")
        template = versions[line]
        known = {k for k, v in variables.items() if v is not None and str(v).strip()}
        for missing in {f for _, f, _, _ in string.Formatter().parse(template) if f} - known:
            token = "{" + missing + "}"
            if missing in LINE_VARIABLES:
                template = "\n".join(line for line in template.split("\n") if token not in line)
            template = re.sub(rf"\s*[(（]{re.escape(token)}[)）]", "", template)
        # Filled by name only: a value is never evaluated, ``{x.attr}`` never looked up.
        return render(template, used, variables), used


def line_for(versions: Mapping[str, str], language: str, country: str | None) -> str:
    """The line of ``versions`` a shopper in ``country`` reads for ``language``: the
    variant's when there is one (``replies.variants.locale_for``), else the language's.
    ``line_for({"pt": ..., "pt-PT": ...}, "pt", "PT")`` -> ``"pt-PT"``."""
    locale = locale_for(language, country)
    return locale if locale is not None and locale in versions else language


def _own_files(directory: Path | None) -> dict[str, Path]:
    """The store's notice files by name; the built-in folder itself counts as none."""
    if directory is None or directory.resolve() == NOTICES_DIR:
        return {}
    if not directory.is_dir():
        raise LibraryError(directory, "is not a folder (check BORDERDESK_NOTICES_DIR)")
    own: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.stem not in REQUIRED and path.stem != TEAMS_FILE:
            raise LibraryError(
                path, f"is not a notice; name it after one of {', '.join(sorted(REQUIRED))}"
            )
        own[path.stem] = path
    return own


def _read(path: Path, variables: frozenset[str], *, exact: bool) -> dict[str, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(path, f"cannot be read: {exc}") from exc
    if not isinstance(data, dict) or "en" not in data:
        raise LibraryError(path, "expected one line per language, English included")
    for language, text in data.items():
        _checkline_for(path, str(language))
        try:
            used = {f for _, f, _, _ in string.Formatter().parse(str(text)) if f is not None}
        except ValueError as exc:  # a lone "{" or "}": literal braces are written {{ }}
            message = f"{exc} (write {{{{ and }}}} for literal braces)"
            raise LibraryError(path, message, field=str(language)) from exc
        if (used != variables) if exact else not used <= variables:
            expected = "" if exact else "at most "
            raise LibraryError(
                path,
                f"uses {sorted(used)}, expected {expected}{sorted(variables)}",
                field=str(language),
            )
    return {str(k): str(v) for k, v in data.items()}


def _read_teams(path: Path) -> dict[str, dict[str, str]]:
    """Department names per language: a mapping of mappings of short lines."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LibraryError(path, f"cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise LibraryError(path, "expected each department with one line per language")
    for department, names in data.items():
        for language in names if isinstance(names, dict) else ():
            _checkline_for(path, str(language))
        if not isinstance(names, dict) or not all(
            isinstance(v, str) and v.strip() and "{" not in v for v in names.values()
        ):
            raise LibraryError(
                path, "expected one line per language, without braces", field=str(department)
            )
    return {str(d): {str(k): str(v) for k, v in names.items()} for d, names in data.items()}


def _checkline_for(path: Path, language: str) -> None:
    """A line for a region must be one of the variants ("pt-pt" or "pt-BR" would never be
    sent, and nobody would notice)."""
    if ("-" in language or "_" in language) and language not in VARIANTS:
        raise LibraryError(
            path,
            "unknown regional variant; the variants are " + ", ".join(sorted(VARIANTS)),
            field=language,
        )
