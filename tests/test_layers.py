"""The layers of ``.importlinter`` hold, so a wrong import fails ``make test``.

The contracts (read the drawing at the top of ``.importlinter``): wiring, CLI and demo
on top and imported by nothing; the workers; flows (``handlers``) beside timed jobs
(``scheduler``); the context; storage, translation and replies; settings; and the domain
models and pure rules at the bottom. Channel adapters see only the domain and are
imported only by the wiring; platform SDKs stay in their adapters; only storage speaks
SQL (imports sqlalchemy), the others go through the Store. Today's wrong imports
are listed in the file's ``ignore_imports`` with the debt each stands for.

Breaking a layer fails this file: ``test_a_wrong_import_breaks_the_layers`` copies the
code, adds ``from bot.storage.records import new_id`` at the end of
``bot/orders/matching.py`` (the domain importing storage) and runs the contracts on the
copy, which exits 1 and prints (run once by hand, 7 December 2026, after the SLA rules
moved to bot.calendar and the proactive rules to their flow, and again once the SQL
contract was added; the first line wrapped here)::

    One way down: wiring > workers > flows | jobs > context > services > settings >
    domain BROKEN
    [the five other contracts: KEPT]

    Contracts: 5 kept, 1 broken.
    ...
    bot.orders.matching is not allowed to import bot.storage:

    - bot.orders.matching -> bot.storage.records (l.155)

The same import in the real tree would fail ``test_the_imports_go_one_way`` with that
report. Run the same check by hand with ``.venv/bin/lint-imports``.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / ".importlinter"
PACKAGES = ("bot", "handlers", "replies", "scheduler")
# modules on purpose in no layer: package markers, and a name kept while its importers move
UNLAYERED = {"bot", "bot.orders"}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the code under ``root`` (found first on the path), no cache."""
    env = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1", "COLUMNS": "100"}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            " sys.exit(lint_imports_command())",
            str(root / ".importlinter"),
            "--no-cache",
            "--no-logo",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def contract(name: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    return parser[f"importlinter:contract:{name}"]


def listed(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def product_modules() -> set[str]:
    found = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:  # Alembic's scripts, run by Alembic, not imported
                continue
            found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def test_the_imports_go_one_way() -> None:
    run = lint_imports(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_wrong_import_breaks_the_layers(tmp_path: Path) -> None:
    """The contracts can fail: the domain importing storage, on a copy of the code."""
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_not_python)
    shutil.copy(CONFIG, tmp_path / ".importlinter")
    matching = tmp_path / "bot" / "orders" / "matching.py"
    matching.write_text(
        matching.read_text(encoding="utf-8") + "\nfrom bot.storage.records import new_id\n",
        encoding="utf-8",
    )
    run = lint_imports(tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "bot.orders.matching -> bot.storage.records" in run.stdout, run.stdout
    assert "bot.orders.matching is not allowed to import bot.storage:" in run.stdout, run.stdout
    assert ", 1 broken." in run.stdout, run.stdout


def test_every_module_has_a_layer() -> None:
    """A new module outside every layer would escape the contracts: name its layer."""
    layered = [
        name.strip()
        for line in listed(contract("layers")["layers"])
        for name in line.replace("|", ":").split(":")
    ]
    unplaced = {
        module
        for module in product_modules() - UNLAYERED
        if not module.startswith("bot.channels")
        and not any(module == name or module.startswith(name + ".") for name in layered)
    }
    assert not unplaced, f"add these to a layer in .importlinter: {sorted(unplaced)}"


def test_every_adapter_is_kept_for_the_wiring() -> None:
    """Each module of ``bot.channels`` but the seams is an adapter only the wiring imports."""
    adapters = {
        module
        for module in product_modules()
        if module.startswith("bot.channels.") and module != "bot.channels.base"
    }
    protected = set(listed(contract("adapters-only-for-the-wiring")["protected_modules"]))
    assert adapters == protected, f"missing {adapters - protected}, gone {protected - adapters}"


def _not_python(directory: str, names: list[str]) -> set[str]:
    """What ``copytree`` leaves out: files other than Python (the library's YAML, ...)."""
    return {n for n in names if not n.endswith(".py") and not (Path(directory) / n).is_dir()}
