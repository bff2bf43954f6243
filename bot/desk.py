"""Who owns what and when they work: departments, business hours and response targets,
and what the store promises shoppers about delivery times and customs (``shipping:``).

A store owner edits this in a YAML file (``BORDERDESK_DESK_FILE``, ``desk.yaml`` by
default; see ``desk.example.yaml``). Without one, sensible defaults apply: support and every
department work Monday to Friday 09:00-18:00 Berlin time, and each problem belongs to the
department the answer library names. What a return costs and how the store settles
disputes that cost less than one is ``disputes:`` (``DisputePolicy``). Who answers
shoppers, in which languages and on which shifts, is ``agents:`` (``bot.calendar.roster``;
without it cards belong to the inbox). Mistakes are reported with the file and the field,
and the ones that would otherwise pass quietly are
mistakes too: a channel given by name (``"#general"``: Slack posts need the channel's ID)
and an intent in ``owns:`` that the library does not have (a typo would route nothing)::

    desk = load_desk(Path("desk.yaml"), channels={"warehouse": "C0WAREHSE01"}, intents=library)
    desk.departments["warehouse"].calendar.is_open(now)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.numbers import format_currency, list_currencies

from bot.calendar.hours import BusinessCalendar
from bot.calendar.roster import parse_agents
from bot.calendar.shifts import Agent
from bot.config import SLACK_CHANNEL_ID
from bot.errors import ConfigError
from replies.facts.return_window import LONGEST_WINDOW, with_return_window
from replies.facts.terms import EU_MEMBERS, ShippingError, ShippingTerms, parse_shipping

DEPARTMENTS = ("purchasing", "warehouse", "logistics", "sales", "management")
_DEFAULT_HOURS: dict[str, Any] = {"timezone": "Europe/Berlin", "hours": {"mon-fri": "09:00-18:00"}}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([hm])\s*$")


@dataclass(frozen=True)
class Department:
    """A team that fixes the causes of problems, with its channel, hours and targets."""

    name: str
    calendar: BusinessCalendar
    channel: str | None = None
    owns: frozenset[str] = frozenset()  # intents routed here whatever the library says
    auto_escalate: bool = False
    acknowledge_within: timedelta = timedelta(hours=4)
    resolve_within: timedelta = timedelta(hours=16)
    warn_before: timedelta = timedelta(hours=1)
    digest_hour: int = 8


@dataclass(frozen=True)
class ReturnRegion:
    """Destinations that cost the same to have an item shipped back from."""

    name: str
    countries: frozenset[str]  # ISO 3166 alpha-2, as listed
    cost: Decimal
    eu: bool = False  # "EU" listed: every member state no region lists by its own code


@dataclass(frozen=True)
class DisputePolicy:
    """What shipping an item back costs the store, and how it settles a return, refund,
    wrong-item, damaged or defect case instead (``handlers.disputes`` offers it on the card).

    An empty policy (no ``disputes:`` section) knows no return costs: cards show no
    economics, and every case goes on as a normal return or refund::

        policy.return_cost("FR")   # Decimal("12.00"): its region's, else the default
    """

    currency: str | None = None  # of the return costs and ``keep_it_under``
    regions: tuple[ReturnRegion, ...] = ()
    default_cost: Decimal | None = None  # every country in no region
    keep_it_under: Decimal | None = None  # a refund without return for items worth less
    partial_refunds: tuple[int, ...] = ()  # percents offered to keep a damaged item
    reship: bool = False  # a replacement may be sent instead

    def return_cost(self, country: str | None) -> Decimal | None:
        """The estimated return shipping from ``country``; None when the file names none."""
        code = (country or "").upper()
        region = next((r for r in self.regions if code in r.countries), None)
        if region is None and code in EU_MEMBERS:
            region = next((r for r in self.regions if r.eu), None)
        return region.cost if region is not None else self.default_cost


def money(amount: Decimal | float, currency: str) -> str:
    """An amount as staff read it on cards and in digests: "18.00 EUR", "1,800 JPY"
    (Babel, in the currency's own digits)."""
    return format_currency(amount, currency, format="#,##0.00 ¤¤", locale="en")


@dataclass(frozen=True)
class Desk:
    """The support team's hours and first-response target, and the departments."""

    calendar: BusinessCalendar
    departments: Mapping[str, Department]
    first_response: timedelta = timedelta(hours=4)
    first_response_warn: timedelta = timedelta(hours=1)
    source: str = "built-in defaults"
    shipping: ShippingTerms = field(default_factory=ShippingTerms)
    disputes: DisputePolicy = field(default_factory=DisputePolicy)
    # the support team, each with their languages and shifts (``handlers.assignment``);
    # none: cards belong to the inbox and "out of hours" is ``calendar``'s
    agents: tuple[Agent, ...] = ()
    unassigned_after: timedelta = timedelta(minutes=30)  # real time; then a card is flagged
    _owners: dict[str, str] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for department in self.departments.values():
            for intent in department.owns:
                self._owners[intent] = department.name

    def department_for(self, intent: str, library_department: str | None) -> str:
        """The department that owns ``intent``: the desk file first, then the library."""
        name = self._owners.get(intent) or library_department or "management"
        return name if name in self.departments else "management"


def load_desk(
    path: Path | None,
    *,
    channels: Mapping[str, str] | None = None,
    intents: Collection[str] | None = None,
) -> Desk:
    """Read the desk file (defaults when ``path`` is None or missing); channels from the
    environment (BORDERDESK_DEPARTMENT_CHANNELS) override the file's. ``intents``: the
    library's, which ``owns:`` may name (None: not checked). An error names the file,
    the line and the key: ``desk.yaml:4: departments.warehouse.channel: ...``."""
    data: dict[str, Any] = {}
    source, lines = "built-in defaults", {}
    if path is not None and path.is_file():
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
            loaded = yaml.safe_load(text) or {}
            lines = _key_lines(yaml.compose(text, Loader=yaml.SafeLoader))
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
        except ValueError as exc:  # YAML reads 2026-12-40 as a date, which does not exist
            raise ConfigError(f"{path}: a date that does not exist: {exc}") from exc
        if not isinstance(loaded, dict):
            raise ConfigError(f"{path}: expected a mapping with 'support' and 'departments'")
        data = loaded
    try:
        return _desk(data, source, channels, intents)
    except ConfigError as exc:
        raise ConfigError(_with_line(str(exc), source, lines)) from exc


def _desk(
    data: Mapping[str, Any],
    source: str,
    channels: Mapping[str, str] | None,
    intents: Collection[str] | None,
) -> Desk:
    unknown = set(data) - {"support", "departments", "shipping", "disputes", "agents"}
    if unknown:
        raise ConfigError(
            f"{source}: unknown section(s) {sorted(unknown)}; "
            "use support, departments, shipping, disputes, agents"
        )
    support = _mapping(data.get("support"), f"{source}: support")
    calendar = _calendar(support, f"{source}: support")
    departments_data = _mapping(data.get("departments"), f"{source}: departments")
    bad = set(departments_data) - set(DEPARTMENTS)
    if bad:
        raise ConfigError(
            f"{source}: departments: unknown {sorted(bad)}; choose among {', '.join(DEPARTMENTS)}"
        )
    departments = {
        name: _department(
            name,
            _mapping(departments_data.get(name), f"{source}: departments.{name}"),
            support,
            (channels or {}).get(name),
            f"{source}: departments.{name}",
            intents,
        )
        for name in DEPARTMENTS
    }
    return Desk(
        calendar=calendar,
        departments=departments,
        first_response=_duration(
            support, "first_response", timedelta(hours=4), f"{source}: support"
        ),
        first_response_warn=_duration(
            support, "warn_before", timedelta(hours=1), f"{source}: support"
        ),
        source=source,
        shipping=_shipping(data.get("shipping"), source),
        disputes=_disputes(_mapping(data.get("disputes"), f"{source}: disputes"), source),
        agents=parse_agents(data.get("agents"), support, _DEFAULT_HOURS, f"{source}: agents"),
        unassigned_after=_duration(
            support, "unassigned_after", timedelta(minutes=30), f"{source}: support"
        ),
    )


def _shipping(data: Any, source: str) -> ShippingTerms:
    """Delivery times, customs and return terms (``replies.facts.terms``), and the return
    window (``returns.window_days``, ``replies.facts.return_window``); errors name the key."""
    shipping = dict(_mapping(data, f"{source}: shipping"))
    window = None
    if isinstance(shipping.get("returns"), dict) and "window_days" in shipping["returns"]:
        returns = dict(shipping["returns"])
        window = _window_days(returns.pop("window_days"), f"{source}: shipping.returns")
        shipping["returns"] = returns
    try:
        return with_return_window(parse_shipping(shipping), window)
    except ShippingError as exc:
        raise ConfigError(f"{source}: shipping.{exc}") from exc


def _window_days(value: Any, where: str) -> int:
    """Whole days from delivery to send an item back: 1 to a year."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= LONGEST_WINDOW:
        raise ConfigError(
            f"{where}.window_days: expected the days from delivery a shopper has to send an "
            f"item back, a whole number from 1 to {LONGEST_WINDOW} like 30, got {value!r}"
        )
    return value


def _disputes(data: Mapping[str, Any], source: str) -> DisputePolicy:
    """The ``disputes:`` section; an error names its key (``disputes.return_costs.uk.cost``)."""
    where = f"{source}: disputes"
    unknown = set(data) - {"currency", "return_costs", "keep_it_under", "partial_refunds", "reship"}
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}")
    if not data:
        return DisputePolicy()
    currency = data.get("currency")
    if not isinstance(currency, str) or currency.upper() not in list_currencies():
        raise ConfigError(
            f"{where}.currency: expected the three-letter ISO 4217 code of the return costs, "
            f"such as EUR, got {currency!r}"
        )
    costs = _mapping(data.get("return_costs"), f"{where}.return_costs")
    regions: list[ReturnRegion] = []
    seen: dict[str, str] = {}  # country -> the region that names it
    for name, region in costs.items():
        if name == "default":
            continue
        at = f"{where}.return_costs.{name}"
        region = _mapping(region, at)
        if set(region) != {"countries", "cost"}:
            raise ConfigError(f"{at}: expected countries: [..] and cost: (got {sorted(region)})")
        countries = _countries(region["countries"], f"{at}.countries")
        for code in countries:
            if code in seen:
                raise ConfigError(f"{at}.countries: {code} is in {seen[code]!r} already")
            seen[code] = str(name)
        cost = _amount(region["cost"], f"{at}.cost")
        regions.append(ReturnRegion(str(name), countries - {"EU"}, cost, eu="EU" in countries))
    default = costs.get("default")
    partial = data.get("partial_refunds") or []
    if not isinstance(partial, list) or not all(
        isinstance(p, int) and not isinstance(p, bool) and 0 < p < 100 for p in partial
    ):
        raise ConfigError(
            f"{where}.partial_refunds: expected percents from 1 to 99, like [20, 50], "
            f"got {partial!r}"
        )
    reship = data.get("reship", False)
    if not isinstance(reship, bool):
        raise ConfigError(f"{where}.reship: expected true or false, got {reship!r}")
    keep_it_under = data.get("keep_it_under")
    return DisputePolicy(
        currency=currency.upper(),
        regions=tuple(regions),
        default_cost=None if default is None else _amount(default, f"{where}.return_costs.default"),
        keep_it_under=None
        if keep_it_under is None
        else _amount(keep_it_under, f"{where}.keep_it_under"),
        partial_refunds=tuple(sorted(set(partial))),
        reship=reship,
    )


def _countries(value: Any, where: str) -> frozenset[str]:
    """Two-letter ISO 3166 codes checked against Babel's list of territories, so ``UK`` (it
    is ``GB``) is caught; ``EU`` is kept as it is (its member states, see ``return_cost``)."""
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where}: expected a list of two-letter country codes, like [GB, CH]")
    known = Locale("en").territories
    codes: set[str] = set()
    for raw in value:
        code = str(raw).upper()
        if code == "EU" or (len(code) == 2 and code.isalpha() and code in known):
            codes.add(code)
        else:
            hint = " (the United Kingdom is GB)" if code == "UK" else ""
            if isinstance(raw, bool):  # YAML reads a bare NO (Norway) as false
                hint = ' (YAML reads a bare NO as false: write "NO" in quotes for Norway)'
            raise ConfigError(
                f"{where}: {raw!r} is not a two-letter ISO 3166 country code such as ES{hint}"
            )
    return frozenset(codes)


def _amount(value: Any, where: str) -> Decimal:
    """A sum of money written as a number (``18`` or ``18.50``), never negative."""
    try:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise InvalidOperation
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal(-1)
    if not amount.is_finite() or amount < 0:
        raise ConfigError(f"{where}: expected an amount such as 18.50, got {value!r}")
    return amount


def _key_lines(node: yaml.Node | None, prefix: str = "") -> dict[str, int]:
    """The line of every key, by its dotted path ("departments.warehouse.owns": 4)."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                name = f"{prefix}{key.value}"
                lines[name] = key.start_mark.line + 1
                lines.update(_key_lines(value, f"{name}."))
    return lines


def _with_line(message: str, source: str, lines: Mapping[str, int]) -> str:
    """The checks below name the key; the line of the most precise key they name is put
    after the file name, where editors and terminals look for it."""
    rest = message.removeprefix(f"{source}: ")
    named = [key for key in lines if rest.startswith(key) and rest[len(key) : len(key) + 1] in ".:"]
    if rest == message or not named:
        return message
    return f"{source}:{lines[max(named, key=len)]}: {rest}"


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a mapping, got {value!r}")
    return value


def _calendar(data: Mapping[str, Any], where: str) -> BusinessCalendar:
    hours = {k: data[k] for k in ("timezone", "hours", "holidays") if k in data}
    try:
        return BusinessCalendar.from_dict({**_DEFAULT_HOURS, **hours})
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def _department(
    name: str,
    data: Mapping[str, Any],
    support: Mapping[str, Any],
    channel: str | None,
    where: str,
    intents: Collection[str] | None = None,
) -> Department:
    allowed = {
        "channel",
        "owns",
        "auto_escalate",
        "timezone",
        "hours",
        "holidays",
        "acknowledge_within",
        "resolve_within",
        "warn_before",
        "digest_hour",
    }
    unknown = set(data) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown field(s) {sorted(unknown)}")
    inherited = {k: support[k] for k in ("timezone", "hours", "holidays") if k in support}
    owns = data.get("owns") or []
    if not isinstance(owns, list) or not all(isinstance(i, str) for i in owns):
        raise ConfigError(f"{where}.owns: expected a list of intent ids")
    if intents is not None:
        for intent in owns:
            if intent not in intents:
                raise ConfigError(
                    f"{where}.owns: unknown intent {intent!r}{_guess(intent, intents)}"
                )
    hour = data.get("digest_hour", 8)
    if not isinstance(hour, int) or not 0 <= hour <= 23:
        raise ConfigError(f"{where}.digest_hour: expected an hour from 0 to 23, got {hour!r}")
    return Department(
        name=name,
        calendar=_calendar({**inherited, **data}, where),
        channel=channel or _channel_id(data.get("channel"), where),
        owns=frozenset(owns),
        auto_escalate=bool(data.get("auto_escalate", False)),
        acknowledge_within=_duration(data, "acknowledge_within", timedelta(hours=4), where),
        resolve_within=_duration(data, "resolve_within", timedelta(hours=16), where),
        warn_before=_duration(data, "warn_before", timedelta(hours=1), where),
        digest_hour=hour,
    )


def _channel_id(value: Any, where: str) -> str | None:
    if value is None or (isinstance(value, str) and SLACK_CHANNEL_ID.fullmatch(value)):
        return value
    raise ConfigError(
        f"{where}.channel: {value!r} is not a Slack channel ID; write the ID (like C0123ABCDE: "
        "open the channel's details in Slack, it is at the bottom), not the channel's name"
    )


def _guess(intent: str, intents: Collection[str]) -> str:
    close = difflib.get_close_matches(intent, list(intents), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return f" (not an intent of the answer library; {hint}each intent is one <intent>.yaml there)"


def missing_desk_file(path: Path) -> str:
    """The error for a desk file that was named (BORDERDESK_DESK_FILE) but is not there."""
    return (
        f"BORDERDESK_DESK_FILE={path}: no such file "
        "(copy desk.example.yaml there, or correct the path)"
    )


def _duration(data: Mapping[str, Any], key: str, default: timedelta, where: str) -> timedelta:
    """Business time written as "4h" or "30m"."""
    raw = data.get(key)
    if raw is None:
        return default
    match = _DURATION.match(str(raw))
    if not match:
        raise ConfigError(f"{where}.{key}: write business time like 4h or 30m, not {raw!r}")
    amount, unit = float(match.group(1)), match.group(2)
    return timedelta(hours=amount) if unit == "h" else timedelta(minutes=amount)
