"""Arabic, Japanese, Korean and Chinese: the country's bare name, its particle apart.

Arabic puts a separate preposition before the name ("إلى سويسرا", "في سويسرا"), with no
case ending written. Japanese, Korean and Chinese put the particle in the sentence itself,
after or around the name ("スイスへの", "스위스까지", "寄往瑞士"), so their phrase is the bare
name and the sentence templates carry the particle.

    placed("سويسرا", "ar")   # ("إلى سويسرا", "في سويسرا")
    placed("スイス", "ja")    # ("スイス", "スイス")
"""

from __future__ import annotations

LANGUAGES = frozenset({"ar", "ja", "ko", "zh"})


def placed(name: str, language: str) -> tuple[str, str]:
    """Where an order goes and where something holds, for ``name`` in ``language``."""
    if language == "ar":
        return f"إلى {name}", f"في {name}"
    return name, name
