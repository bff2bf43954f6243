"""Where the published API specs live, so fakes can validate traffic against them.

The specs are checked out beside the repository (``../shared/specs``) in CI; a plain
clone lacks them, and tests that need them skip instead of failing.
"""

from pathlib import Path

import pytest

SHARED_DIR = Path(__file__).resolve().parents[3] / "shared"
SPECS_DIR = SHARED_DIR / "specs"


def require_specs() -> Path:
    """Return the specs directory, or skip the calling test when it is missing."""
    if not SPECS_DIR.is_dir():
        pytest.skip(
            "../shared/specs not found: the fake APIs validate against the published specs, "
            "which only exist beside a CI checkout"
        )
    return SPECS_DIR
