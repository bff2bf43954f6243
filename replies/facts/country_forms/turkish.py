"""Turkish country names with their case suffix: "Almanya'ya", "Norveç'te", "ABD'ye".

Turkish marks "to" (dative) and "in" (locative) with a suffix after an apostrophe, and
the suffix follows the name's sound: its last vowel (back "a", front "e"), whether it
ends in a vowel (a buffer "y": "Almanya'ya"), a voiceless consonant ("Fas'ta") or a
possessive ("Birleşik Arap Emirlikleri'ne", a pronominal "n"). An acronym is read letter
by letter ("ABD" is "a-be-de": "ABD'ye").

    suffixed("DE", "Almanya")   # ("Almanya'ya", "Almanya'da")
    suffixed("NO", "Norveç")    # ("Norveç'e", "Norveç'te")
"""

from __future__ import annotations

import re

_BACK = "aıou"
_FRONT = "eiöü"
_VOICELESS = "fstkçşhp"
# Names whose last vowel is not the one heard: "Liechtenstein" is said "Lihtenştayn"
# ("Liechtenstein'a").
_HEARD_BACK = frozenset({"LI"})
# A compound name ending in a possessive ("Birleşik Arap Emirlikleri", "Kanarya Adaları",
# "Dominik Cumhuriyeti") takes the pronominal n: "Emirlikleri'ne", "Adaları'nda".
_POSSESSIVE = re.compile(r"\s\S*(?:l[ae]r[iı]|[iıuü])$")
# Turkish letters as read aloud, for acronyms ("ABD" is read "a-be-de": "ABD'ye").
_LETTER_SOUNDS = {"A": "a", "E": "e", "I": "ı", "İ": "i", "O": "o", "Ö": "ö", "U": "u"}


def suffixed(code: str, name: str) -> tuple[str, str]:
    """Dative and locative of ``name``, the Turkish name of ``code``."""
    if name.isupper() and name.isalpha():  # an acronym, read letter by letter
        last = name[-1]
        heard = _LETTER_SOUNDS.get(last, "e")  # "be", "ce", "de" ...
        vowel, ends_in_vowel, voiceless = heard, True, False
    else:
        lowered = _lower(name)
        vowels = [c for c in lowered if c in _BACK + _FRONT]
        vowel = "a" if code in _HEARD_BACK else (vowels[-1] if vowels else "e")
        ends_in_vowel = lowered[-1] in _BACK + _FRONT
        voiceless = lowered[-1] in _VOICELESS
    back = vowel in _BACK
    a = "a" if back else "e"
    if ends_in_vowel and _POSSESSIVE.search(name):
        return f"{name}'n{a}", f"{name}'nd{a}"
    dative = f"{name}'{'y' if ends_in_vowel else ''}{a}"
    locative = f"{name}'{'t' if voiceless else 'd'}{a}"
    return dative, locative


def _lower(text: str) -> str:
    """Turkish lower case: dotless "I" is "ı", dotted "İ" is "i"."""
    return text.replace("I", "ı").replace("İ", "i").lower()
