"""Issue 15: the fixed notices (out of hours, shipped, delay, join codes, disputes ...) came
only in Brazilian Portuguese ("Seu pedido", "Código de rastreio", "equipe"), so a shopper in
Portugal read every automatic message as a foreign shop's while the answers beside them
were European Portuguese. Every notice has a ``pt-PT`` line now, chosen by the answers' own
rule (``replies.variants.locale_for``); a store's copy without one keeps its ``pt``."""

from __future__ import annotations

import re
import string
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from handlers.disputes.texts import TEXTS_FILE, settle_texts
from replies.library import LibraryError
from replies.notices import NOTICES_DIR, REQUIRED, TEAMS_FILE, Notices

FULL = {
    "shopper_name": "Inês",
    "order_number": "A10293",
    "carrier": "CTT",
    "tracking_number": "RR123456785PT",
    "tracking_link": "https://track.example/RR123456785PT",
    "estimated_delivery": "sexta-feira, 11 de dezembro",
    "reply_time": "terça-feira, 8 de dezembro, 09:00, horário da Europa Ocidental",
    "resolution": "O reembolso foi feito.",
    "team": "à nossa equipa de armazém",
    "code": "123456",
    "tries_left": "2",
}
# What gives Brazilian Portuguese away in a shop's message to a customer in Portugal
BRAZILIAN = re.compile(
    r"\b(você|equipe|contato|celular|rastreio|a gente|com a gente|é só|seu pedido|"
    r"digite|compartilh\w*|ônibus|time de|"  # "time" is a team only in Brazil
    r"(?:está|estamos|esteja|continua|vamos) \w+ndo)\b"  # "estamos verificando"
    r"|^(?:Seu|Sua|Nossa|Nosso) ",  # Portugal puts the article before a possessive
    re.IGNORECASE | re.MULTILINE,
)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def every_line_pair() -> list[tuple[str, str, str, str]]:
    """(file, entry, pt line, pt-PT line) of every notice file, nested ones included."""
    pairs = []
    for path in sorted(NOTICES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        entries = data.items() if "en" not in data else [("", data)]
        for entry, lines in entries:
            pairs.append((path.stem, entry, lines["pt"], lines.get("pt-PT", "")))
    return pairs


@pytest.mark.parametrize(("name", "entry", "pt", "pt_pt"), every_line_pair())
def test_every_notice_has_a_european_portuguese_line_with_the_same_variables(
    name: str, entry: str, pt: str, pt_pt: str
) -> None:
    assert pt_pt, f"{name}.yaml {entry}: no pt-PT line"
    assert fields(pt_pt) == fields(pt), (name, entry)
    assert pt_pt != pt


@pytest.mark.parametrize(("name", "entry", "pt", "pt_pt"), every_line_pair())
def test_no_european_portuguese_line_reads_brazilian(
    name: str, entry: str, pt: str, pt_pt: str
) -> None:
    found = BRAZILIAN.search(pt_pt)
    assert found is None, (name, entry, found and found.group(0))


def test_every_built_in_notice_and_team_is_covered_by_the_check_above() -> None:
    names = {name for name, _, _, _ in every_line_pair()}
    assert names == {*REQUIRED, TEAMS_FILE, TEXTS_FILE.stem}


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_a_shopper_in_portugal_gets_the_european_line_and_one_in_brazil_the_brazilian(
    name: str,
) -> None:
    notices = Notices.load()
    values = {k: v for k, v in FULL.items() if k in REQUIRED[name]}
    portugal, used_pt = notices.render(name, "pt", values, country="PT")
    brazil, used_br = notices.render(name, "pt", values, country="BR")
    nowhere, _ = notices.render(name, "pt", values)
    assert portugal == notices.render(name, "pt", values, country=" pt ")[0]
    assert brazil == nowhere != portugal
    assert used_pt == used_br == "pt"  # the desk still counts the shopper as Portuguese
    assert "{" not in portugal and all(v in portugal for v in values.values())


def test_the_shipped_notice_in_portugal() -> None:
    notices = Notices.load()
    text, _ = notices.render("shipped", "pt", FULL, country="PT")
    assert text.splitlines() == [
        "Boas notícias, Inês! A sua encomenda #A10293 já está a caminho com CTT.",
        "Código de seguimento: RR123456785PT",
        "Siga a sua encomenda: https://track.example/RR123456785PT",
        "Entrega prevista: sexta-feira, 11 de dezembro",
        "Responda STOP para deixar de receber estas mensagens.",
    ]
    brazil, _ = notices.render("shipped", "pt", FULL, country="BR")
    assert "Seu pedido #A10293" in brazil and "Código de rastreio" in brazil
    bare, _ = notices.render("shipped", "pt", {"order_number": "A1"}, country="PT")
    assert bare.splitlines()[0] == (
        "Boas notícias! A sua encomenda #A1 já está a caminho com a transportadora."
    )


def test_the_out_of_hours_notice_in_portugal() -> None:
    text, _ = Notices.load().render("out_of_hours", "pt", FULL, country="PT")
    assert text == (
        "Obrigado pela sua mensagem, Inês! De momento, a nossa equipa está fora do horário de "
        "atendimento; responderemos até terça-feira, 8 de dezembro, 09:00, horário da Europa "
        "Ocidental."
    )


def test_a_variant_of_another_language_or_country_changes_nothing() -> None:
    notices = Notices.load()
    for country in ("ES", "AO", "US", None):
        assert notices.render("delay", "es", FULL, country="PT") == notices.render(
            "delay", "es", FULL, country=country
        )
        assert notices.render("delay", "pt", FULL, country=country) == notices.render(
            "delay", "pt", FULL
        )


def test_the_escalated_notice_names_the_team_the_portuguese_way() -> None:
    notices = Notices.load()
    team = notices.team("logistics", "pt", country="PT")
    text, _ = notices.render(
        "escalated", "pt", {"shopper_name": "Inês", "team": team}, country="PT"
    )
    assert text == (
        "Obrigado, Inês! Encaminhámos o seu caso à nossa equipa de expedição e responderemos "
        "aqui assim que tivermos novidades."
    )
    assert notices.team("logistics", "pt", country="BR") == "à nossa equipe de envios"
    assert notices.team("logistics", "de", country="PT") == "unser Versandteam"


def test_a_settlement_in_portugal_is_european_and_writes_euros_the_portuguese_way() -> None:
    money = {"shopper_name": "Inês", "order_number": "A1", "amount": Decimal("2.40")}
    portugal, used = settle_texts().render(
        "keep_refund", "pt", currency="EUR", country="PT", **money
    )
    assert portugal.startswith("Olá, Inês! Já está resolvido: vamos reembolsar 2,40\xa0€ da ")
    assert used == "pt"
    brazil, _ = settle_texts().render("keep_refund", "pt", currency="EUR", country="BR", **money)
    assert "do pedido A1" in brazil


def test_a_stores_own_copy_without_european_portuguese_keeps_its_portuguese(
    tmp_path: Path,
) -> None:
    (tmp_path / "shipped.yaml").write_text(
        'en: "Parcel {order_number} left the workshop."\n'
        'pt: "O pacote {order_number} saiu hoje da oficina."\n',
        encoding="utf-8",
    )
    notices = Notices.load(tmp_path)
    text, used = notices.render("shipped", "pt", FULL, country="PT")
    assert (text, used) == ("O pacote A10293 saiu hoje da oficina.", "pt")
    # the notices it did not copy still have their European Portuguese
    assert notices.render("delay", "pt", FULL, country="PT") == Notices.load().render(
        "delay", "pt", FULL, country="PT"
    )


def test_a_stores_own_european_portuguese_line_is_used_and_checked(tmp_path: Path) -> None:
    (tmp_path / "stopped.yaml").write_text(
        'en: "Done, {shopper_name}."\npt: "Pronto, {shopper_name}."\n'
        'pt-PT: "Está feito, {shopper_name}."\n',
        encoding="utf-8",
    )
    notices = Notices.load(tmp_path)
    assert notices.render("stopped", "pt", FULL, country="PT")[0] == "Está feito, Inês."
    assert notices.render("stopped", "pt", FULL, country="BR")[0] == "Pronto, Inês."
    (tmp_path / "stopped.yaml").write_text(
        'en: "Done, {shopper_name}."\npt-PT: "Está feito, {shopper_name} ({order_number})."\n',
        encoding="utf-8",
    )
    with pytest.raises(LibraryError, match=r"stopped\.yaml.*'pt-PT'.*order_number"):
        Notices.load(tmp_path)


@pytest.mark.parametrize("locale", ["pt-pt", "pt-BR", "pt_PT"])
def test_a_misspelt_region_is_refused_rather_than_never_sent(tmp_path: Path, locale: str) -> None:
    (tmp_path / "stopped.yaml").write_text(
        f'en: "Done, {{shopper_name}}."\n{locale}: "Está feito, {{shopper_name}}."\n',
        encoding="utf-8",
    )
    with pytest.raises(LibraryError, match=rf"stopped\.yaml.*{locale}.*pt-PT"):
        Notices.load(tmp_path)


def test_a_stores_copy_in_european_portuguese_only_still_reaches_portugal(tmp_path: Path) -> None:
    (tmp_path / "stopped.yaml").write_text(
        'en: "Done, {shopper_name}."\npt-PT: "Está feito, {shopper_name}."\n', encoding="utf-8"
    )
    notices = Notices.load(tmp_path)
    assert notices.render("stopped", "pt", FULL, country="PT") == ("Está feito, Inês.", "pt")
    assert notices.render("stopped", "pt", FULL, country="BR") == ("Done, Inês.", "en")
