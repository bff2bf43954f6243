"""Shared fixtures: fake Telegram and Slack servers (spec-validating) and a running desk."""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import sqlite3
import tempfile
from collections.abc import AsyncIterator, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import replies.engine as engine_module
import replies.library as library_module
from replies.classifier import IntentClassifier
from replies.library import IntentSpec
from replies.model_cache import ModelCache
from tests.fakes.slack_api import FakeSlackAPI
from tests.fakes.spec_paths import require_specs
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.whatsapp_api import FakeWhatsAppAPI
from tests.postgres_twin import Twin

# A busy machine (CI shares two cores between two test processes) makes input generation
# and examples slow without anything being wrong: no deadline, no "too slow" check.
settings.register_profile("borderdesk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("borderdesk")


# Modules whose tests wait on processes they start or on a desk's own pace (tens of
# seconds each on a quiet machine, minutes under load), longest first. xdist hands tests
# out in collection order: these go first, so that the two workers finish together
# instead of one running a minute-long test alone at the end.
SLOW_FIRST = (
    "tests/e2e/test_failover.py",
    "tests/e2e/test_crash.py",
    "tests/e2e/test_vanished_database.py",
    "tests/e2e/test_poller_election.py",
    "tests/e2e/test_flood_intake.py",
    "tests/e2e/test_whatsapp.py",
    "tests/e2e/test_whatsapp_statuses.py",
    "tests/bot/test_one_desk_per_database.py",
    "tests/bot/test_run_startup.py",
    "tests/bot/test_cli.py",
    "tests/bot/test_chat_terminal.py",
    "tests/bot/test_demo_agents.py",
    "tests/bot/test_desk_file_errors.py",
    "tests/security/test_identity_merge.py",
    "tests/fuzz/test_fuzz_intake.py",
)


def _slow_first(item: pytest.Item) -> int:
    module = item.nodeid.split("::", 1)[0]
    return SLOW_FIRST.index(module) if module in SLOW_FIRST else len(SLOW_FIRST)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow modules first (``SLOW_FIRST``; a stable sort: every module stays in one piece,
    the rest in their order), and no hypothesis test that depends on the machine's speed.

    A test's own ``@settings(...)`` starts from the profile, but ``deadline=`` or
    ``suppress_health_check=`` given there replace the profile's: refuse to run a suite in
    which a test brings a deadline or the "too slow" check back (keep the profile's with
    ``suppress_health_check=[*settings.default.suppress_health_check, ...]``)."""
    timed = []
    for item in items:
        chosen = getattr(getattr(item, "obj", None), "_hypothesis_internal_use_settings", None)
        if chosen is None:
            continue
        if chosen.deadline is not None or HealthCheck.too_slow not in chosen.suppress_health_check:
            timed.append(item.nodeid)
    if timed:
        raise pytest.UsageError(
            "hypothesis tests that depend on the machine's speed (a deadline or the 'too slow' "
            f"health check, which tests/conftest.py's profile turns off): {', '.join(timed)}"
        )
    items.sort(key=_slow_first)


@pytest.fixture(autouse=True, scope="session")
def _one_model_cache_per_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The command-line tests start desks in processes of their own, each of which would
    train the intent model for 10 s or more; they share one model cache folder for the
    session instead, so only the first trains. A temporary folder: the user's own cache
    (``~/.cache/borderdesk``) is never read or written by tests."""
    folder = tmp_path_factory.mktemp("model-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BORDERDESK_MODEL_CACHE", str(folder / "borderdesk"))
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder / "borderdesk"


@pytest.fixture(autouse=True, scope="session")
def _train_each_library_once(_one_model_cache_per_session: Path) -> Iterator[None]:
    """Training the intent classifier takes about 10 s of CPU and is deterministic (seeded),
    and the suite starts hundreds of desks on the same answer library. So in this process
    the engine's classifier is trained once per set of examples, and every desk gets its
    own copy (``IntentClassifier.copy``): the real model, and learning in one test never
    reaches another. Desks on the session's cache folder (the one every desk of this
    process is configured with) also skip reading the 80 MB cache file at each start;
    the model cache's own tests use folders of their own and see the real cache."""
    trained: dict[tuple[tuple[tuple[str, str], ...], str], IntentClassifier] = {}
    remembered: dict[str, IntentClassifier] = {}
    session_folder = _one_model_cache_per_session

    def classifier(examples: Iterable[tuple[str, str]], **options: Any) -> IntentClassifier:
        pairs = tuple((str(text), str(intent)) for text, intent in examples)
        key = (pairs, repr(sorted(options.items())))
        if key not in trained:
            trained[key] = IntentClassifier(pairs, **options)
        return trained[key].copy()

    class RememberingCache(ModelCache):
        def load(self, key: str) -> IntentClassifier | None:
            if self.folder != session_folder:
                return super().load(key)
            if key not in remembered:
                found = super().load(key)
                if found is None:
                    return None
                remembered[key] = found
            return remembered[key].copy()

        def save(self, key: str, model: IntentClassifier) -> None:
            super().save(key, model)
            if self.folder == session_folder:
                remembered[key] = model.copy()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "IntentClassifier", classifier)
        patch.setattr(engine_module, "ModelCache", RememberingCache)
        yield


@pytest.fixture(autouse=True, scope="session")
def _read_each_library_once() -> Iterator[None]:
    """Parsing the answer library (41 intent files, ~22,000 phrasings) takes a third of a
    second at every desk start; the suite starts hundreds. A library is read again
    whenever any of its files changed (tests that write their own libraries get theirs)."""
    read: dict[tuple[object, ...], dict[str, IntentSpec]] = {}
    real = library_module.load_library

    def load_library(directory: Path | None = None) -> dict[str, IntentSpec]:
        folder = directory or library_module.DEFAULT_LIBRARY_DIR
        files = sorted([*folder.glob("*.yaml"), *folder.glob("examples/*.yaml")])
        key = (folder, *((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
        if key not in read:
            read[key] = real(directory)
        return dict(read[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "load_library", load_library)
        yield


@pytest.fixture(autouse=True, scope="session")
def _read_the_variants_once() -> Iterator[None]:
    """Every desk start parses the regional variants (``replies/library/variants/``, YAML
    read twice to know its lines) and checks them against the library: 20-30 ms a desk.
    They are read again whenever a file changed or the library is another one (the same
    intents as other objects: a library a test built itself is checked as always)."""
    import replies.variants as variants_module
    from replies.variants import Variant

    real = variants_module.load_variants
    read: dict[tuple[object, ...], dict[str, Variant]] = {}
    kept: list[object] = []  # the libraries of the keys, so that no id in a key is reused

    def load_variants(directory: Path, library: Any) -> dict[str, Variant]:
        files = sorted((directory / "variants").glob("*.yaml"))
        key = (
            directory,
            *((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files),
            *((name, id(spec)) for name, spec in library.items()),
        )
        if key not in read:
            read[key] = real(directory, library)
            kept.append(list(library.values()))
        return dict(read[key])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine_module, "load_variants", load_variants)
        yield


@pytest.fixture(autouse=True, scope="session")
def _read_the_migrations_once() -> Iterator[None]:
    """Every ``Store.open`` runs Alembic, which reads every revision file again to know
    the chain (15-20 ms of the 25 ms a reopen takes); the suite opens thousands of stores.
    In this process the chain is read once per set of revision files (a file added or
    changed is read again); each upgrade still runs ``env.py`` and checks the database's
    revision as always."""
    from alembic.script import ScriptDirectory

    real = ScriptDirectory.from_config.__func__  # type: ignore[attr-defined]
    read: dict[tuple[object, ...], ScriptDirectory] = {}

    def from_config(cls: type[ScriptDirectory], config: Any) -> ScriptDirectory:
        location = config.get_main_option("script_location")
        if (
            location is None
            or cls is not ScriptDirectory
            or config.get_main_option("version_locations")
        ):
            return real(cls, config)
        files = sorted(Path(location).glob("versions/*.py"))
        key = (location, *((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
        if key not in read:
            read[key] = real(cls, config)
        return read[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScriptDirectory, "from_config", classmethod(from_config))
        yield


@pytest.fixture(autouse=True, scope="session")
def _read_the_notices_once() -> Iterator[None]:
    """Every desk start reads the shopper notices (19 YAML files) again: 60-80 ms, and the
    suite starts hundreds of desks. They are read again whenever any of their files
    changed (a store's own folder included), and each desk gets its own mappings."""
    from replies.notices import NOTICES_DIR, Notices

    real = Notices.load.__func__  # type: ignore[attr-defined]
    read: dict[tuple[object, ...], Notices] = {}

    def load(cls: type[Notices], directory: Path | None = None) -> Notices:
        folders = [NOTICES_DIR] + ([directory] if directory is not None else [])
        files = sorted(f for folder in folders for f in folder.glob("*.yaml"))
        key = (directory, *((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
        if key not in read:
            read[key] = real(cls, directory)
        found = read[key]
        return cls(
            {name: dict(texts) for name, texts in found.texts.items()},
            {department: dict(names) for department, names in found.teams.items()},
        )

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Notices, "load", classmethod(load))
        yield


@pytest.fixture(autouse=True, scope="session")
def _one_tls_context_per_session() -> Iterator[None]:
    """httpx builds a TLS context for every client it makes (reading certifi's CA
    certificates: 30-50 ms), and every desk makes several (python-telegram-bot two per
    bot), although tests only speak plain HTTP to fakes on 127.0.0.1. Clients of this
    process share one context per set of options instead: the same settings, built once.
    A client given its own context, a CA file or a client certificate gets what it asked."""
    import httpx._transports.default as transports

    real = transports.create_ssl_context
    made: dict[tuple[object, ...], Any] = {}

    def create_ssl_context(verify: Any = True, cert: Any = None, trust_env: bool = True) -> Any:
        if not isinstance(verify, bool) or cert is not None:
            return real(verify=verify, cert=cert, trust_env=trust_env)
        where = [os.environ.get(name) for name in ("SSL_CERT_FILE", "SSL_CERT_DIR")]
        key = (verify, trust_env, *(where if trust_env else ()))
        if key not in made:
            made[key] = real(verify=verify, cert=cert, trust_env=trust_env)
        return made[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(transports, "create_ssl_context", create_ssl_context)
        yield


@pytest.fixture(autouse=True, scope="session")
def _migrate_new_sqlite_files_once(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[_CopyMigrated]:
    """Running every Alembic migration into a new SQLite file takes 0.15-0.4 s (reopening a
    migrated one: 0.03 s), and most tests open a store or start a desk on a file of their
    own: more than a minute of the suite. So in this process a new file is started as a
    copy of one migrated once (with the real ``Store.open``) for the current set of
    migration files; ``Store.open`` then runs Alembic on it as always and finds it at the
    newest revision.

    Only a file that does not exist yet, in a folder that does, is copied: an existing
    file (an older revision a migration test made, a 0-byte file, a database a test
    replaced), a file whose folder ``Store.open`` must create, and other databases are
    opened as they are, and so is anything opened with ``migrate_schema=False``. A test
    about migrating a new file itself is marked ``real_migrations``. Processes a test
    starts migrate for real."""
    from sqlalchemy.engine import make_url

    from bot.storage import Store, migrate
    from bot.storage.store import sqlite_url
    from bot.storage.urls import sqlite_file

    real_open = Store.open.__func__  # type: ignore[attr-defined]
    folder = tmp_path_factory.mktemp("migrated")
    templates: dict[tuple[tuple[str, int, int], ...], Path] = {}
    numbers = itertools.count()
    copying = _CopyMigrated()

    def migrations() -> tuple[tuple[str, int, int], ...]:
        files = sorted(migrate.MIGRATIONS_DIR.glob("versions/*.py"))
        return tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)

    async def template() -> Path:
        key = migrations()
        if key not in templates:
            built = Path(tempfile.mkdtemp(dir=folder))  # two opens may build it at once
            store = await real_open(Store, sqlite_url(built / "built.sqlite3"))
            await store.close()
            # one self-contained file, whatever the write-ahead log still held
            with contextlib.closing(sqlite3.connect(built / "built.sqlite3")) as source:
                with contextlib.closing(sqlite3.connect(built / "template.sqlite3")) as target:
                    source.backup(target)
            templates[key] = built / "template.sqlite3"
        return templates[key]

    def place(template: Path, path: Path) -> None:
        """A copy at ``path`` unless a file appeared there meanwhile (then the real
        migration deals with it): copied beside it, then linked, which never overwrites."""
        copy = path.with_name(f".{path.name}.{os.getpid()}.{next(numbers)}.migrated")
        shutil.copyfile(template, copy)
        with contextlib.suppress(FileExistsError):
            os.link(copy, path)
        copy.unlink()

    async def migrate_into(url: str) -> None:
        await (await real_open(Store, url)).close()

    async def open_store(cls: type[Store], url: str, **options: Any) -> Store:
        path = sqlite_file(url)  # a file, not ``file:…?mode=ro`` nor another database
        if (  # the test's PostgreSQL run: its new files are databases (tests/postgres_twin.py)
            _twin.on
            and path is not None
            and not make_url(url).query
            and (path in _twin.taken or (not path.exists() and options.get("migrate_schema", True)))
        ):
            url, used_before = await _twin.database_for(path, migrations(), migrate_into)
            options.pop("guard", None)  # no file to guard
            store = await real_open(cls, url, **options)
            if used_before:  # emptied of the earlier test's rows before this test sees it
                await _twin.empty(store.engine)
            return store
        if (
            copying.on
            and path is not None
            and path.parent.is_dir()
            and not path.exists()
            and not make_url(url).query
            and options.get("migrate_schema", True)
        ):
            place(await template(), path)
        return await real_open(cls, url, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Store, "open", classmethod(open_store))
        yield copying


_twin = Twin()
# Folders whose tests run twice, on SQLite files and on PostgreSQL (tests/postgres_twin.py;
# ``BORDERDESK_TEST_POSTGRES_TOO=tests/`` runs every folder twice). tests/handlers' PostgreSQL
# runs cost about what its SQLite ones do (73 s of CPU on SQLite, 62 s plus 9 s of the
# server's on PostgreSQL, with ``-n 2``); tests/e2e, whose modules start processes on
# files of their own, is not among them. A module that chooses its databases itself
# (``DATABASES``), one that reads its SQLite files itself (it imports ``sqlite3``) and a
# test marked ``sqlite_only`` run once.
POSTGRES_TOO = tuple(
    os.environ.get(
        "BORDERDESK_TEST_POSTGRES_TOO",
        "tests/bot/storage/,tests/bot/orders/,tests/scheduler/,tests/handlers/",
    ).split(",")
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    path = Path(str(metafunc.definition.path)).relative_to(Path(__file__).parent.parent)
    if (
        "_database_kind" in metafunc.fixturenames
        and str(path).startswith(POSTGRES_TOO)
        and not hasattr(metafunc.module, "DATABASES")
        and not hasattr(metafunc.module, "sqlite3")  # it reads the file itself
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    ):
        metafunc.parametrize("_database_kind", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(autouse=True)
def _database_kind(request: pytest.FixtureRequest) -> Iterator[str]:
    """What the test's new SQLite files are: "sqlite", or "postgresql" in the PostgreSQL
    run of a test of ``POSTGRES_TOO``."""
    kind = getattr(request, "param", "sqlite")
    _twin.start_test(kind == "postgresql")
    yield kind
    _twin.start_test(False)


@pytest.fixture(autouse=True, scope="session")
def _drop_the_twin_databases() -> Iterator[None]:
    yield
    _twin.drop_all()


class _CopyMigrated:
    """Whether new SQLite files start as the session's migrated copy (off for a test marked
    ``real_migrations``)."""

    on = True


@pytest.fixture(autouse=True)
def _real_migrations_when_marked(
    request: pytest.FixtureRequest, _migrate_new_sqlite_files_once: _CopyMigrated
) -> Iterator[None]:
    marked = request.node.get_closest_marker("real_migrations") is not None
    _migrate_new_sqlite_files_once.on = not marked
    yield
    _migrate_new_sqlite_files_once.on = True


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_migrations: new SQLite files this test's process opens are migrated from "
        "nothing by Alembic, not copied from the session's migrated file",
    )
    config.addinivalue_line(
        "markers",
        "sqlite_only: a test of a POSTGRES_TOO folder about the SQLite file itself (or "
        "handing its file to a process it starts): not run again on PostgreSQL",
    )


@pytest.fixture(autouse=True)
def _local_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx and aiohttp honour proxy variables; loopback traffic must never go through one."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture
async def telegram_api() -> AsyncIterator[FakeTelegramAPI]:
    """A fake Bot API; the test fails if any request broke the published spec."""
    require_specs()
    async with FakeTelegramAPI() as fake:
        yield fake
    assert fake.violations == [], "requests the real Telegram API would refuse"


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackAPI]:
    """A fake Slack Web API; the test fails if any request broke the published spec."""
    require_specs()
    async with FakeSlackAPI() as fake:
        yield fake
    assert fake.violations == [], "requests the real Slack API would refuse"


@pytest.fixture
async def whatsapp_api() -> AsyncIterator[FakeWhatsAppAPI]:
    """A fake WhatsApp Cloud API; the test fails if any request broke Meta's OpenAPI spec."""
    require_specs()
    async with FakeWhatsAppAPI() as fake:
        yield fake
    assert fake.violations == [], "requests the real WhatsApp Cloud API would refuse"
