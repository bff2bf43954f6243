"""Where the published API specs live, so fakes can validate traffic against them.

The specs are checked out beside the repository (``../shared/specs``) in CI; a plain
clone lacks them, and tests that need them skip instead of failing.
"""

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[3] / "shared"
SPECS_DIR = SHARED_DIR / "specs"
# the published specs the fake Telegram and Slack APIs check every request against
API_SPECS = ("telegram/bot-api.json", "slack/web-api.openapi.json")


def require_specs() -> Path:
    """Return the specs directory, or skip the calling test when it is missing."""
    if not SPECS_DIR.is_dir():
        pytest.skip(
            "../shared/specs not found: the fake APIs validate against the published specs, "
            "which only exist beside a CI checkout"
        )
    return SPECS_DIR


def missing_specs() -> str | None:
    """Why the fake APIs cannot run here, for a bench to print before it exits; None when
    every spec they read is in place.

        if problem := missing_specs():
            print(problem, file=sys.stderr)
            sys.exit(2)
    """
    missing = [name for name in API_SPECS if not (SPECS_DIR / name).is_file()]
    if not missing:
        return None
    return (
        f"the published API specs are missing ({', '.join(missing)} under {SPECS_DIR}): "
        "the fakes validate every request against them; check out ../shared/specs "
        "beside the repository"
    )
