"""Where the benchmarks find ../shared/data (read at run time only, never copied)."""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def require(relative: str) -> Path:
    """The data path, or exit with a message saying what is missing and where."""
    path = DATA / relative
    if not path.exists():
        sys.exit(
            f"benchmark data not found: {path}\n"
            f"Put the shared data set next to the repository ({DATA})."
        )
    return path
