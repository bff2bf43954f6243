"""What the intent classifier sees of a message: features that survive how shoppers type.

Shoppers drop accents ("reembolso" for "reembolsó", "ruckgangig"), write umlauts as two
letters ("rueckgaengig"), make typos, write Chinese and Japanese in Latin letters
(pinyin, romaji), glue order numbers to words and say half of it with an emoji. So a
message gives several views of itself, all in one sparse bag:

- words (``w``) and word pairs (``b``) with accents folded, so accented and unaccented
  spellings meet; the word as written (``a``) as well when folding changed it, so an
  accent that tells two words apart still counts;
- a German umlaut's two-letter spelling (``ä`` -> ``ae``, ``ß`` -> ``ss``) as a further
  word, so "Rückgabe" and "Rueckgabe" share a feature;
- character 3-5-grams inside each folded word (padded with spaces, so word starts and
  ends count): a typo changes a few of them and leaves the rest;
- character 1-3-grams inside runs of kana, CJK ideographs and Hangul, which are written
  without spaces between words;
- every emoji and pictograph (``e``) on its own: 😡 and 🙏 say something about intent;
- every number as one token ``0``: "order 12345" and "order 98765" look alike.

    features("Rückgabe 😡 #A10293")
    # ['wruckgabe', 'w0', 'bruckgabe 0', ' ru', ..., 'arückgabe', 'wrueckgabe', 'e😡']
"""

from __future__ import annotations

import re
import unicodedata

from replies.language import WORD

_DIGIT = re.compile(r"\d")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
# Latin words give character n-grams of these lengths; CJK runs of the second.
LATIN_NGRAMS = (3, 4, 5)
CJK_NGRAMS = (1, 2, 3)
_FIRST_CJK = "\u3040"  # kana, CJK ideographs, Hangul (and rarer scripts above) start here


def _fold_table() -> dict[int, str | None]:
    """Accents off Latin and Cyrillic letters, Arabic letter variants unified.

    NFD is not used on the whole text because it would split Hangul syllables and kana.
    """
    table: dict[int, str | None] = {}
    for cp in (*range(0xC0, 0x250), *range(0x400, 0x500)):
        base = "".join(
            c for c in unicodedata.normalize("NFD", chr(cp)) if not unicodedata.combining(c)
        )
        if base and base != chr(cp):
            table[cp] = base
    table.update({ord(c): "ا" for c in "أإآٱ"})
    table.update({ord("ة"): "ه", ord("ى"): "ي", 0x0640: None})  # ta marbuta, alef maqsura, tatweel
    table.update({cp: None for cp in range(0x064B, 0x0653)})  # harakat
    return table


_FOLD = _fold_table()


def _is_emoji(char: str) -> bool:
    """Pictographs and emoji ("So": other symbols), not letters, digits or punctuation."""
    return unicodedata.category(char) == "So"


def fold(text: str) -> str:
    """Lower case without accents, Arabic letter variants unified: how words are compared."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)


def features(text: str) -> list[str]:
    """The features of one message (see the module docstring); repeated ones repeat."""
    written = unicodedata.normalize("NFKC", text).casefold()
    folded = written.translate(_FOLD)
    tokens = [_number_as_zero(t) for t in WORD.findall(folded)]
    out = ["w" + t for t in tokens]
    out += ["b" + a + " " + b for a, b in zip(tokens, tokens[1:], strict=False)]
    for token in tokens:
        if token[0] >= _FIRST_CJK:
            sizes, padded = CJK_NGRAMS, token
        else:
            sizes, padded = LATIN_NGRAMS, " " + token + " "
        for n in sizes:
            out += [padded[i : i + n] for i in range(len(padded) - n + 1)]
    if folded != written:
        for word in WORD.findall(written):
            if word.translate(_FOLD) == word:
                continue
            out.append("a" + word)
            if (spelled := word.translate(_UMLAUTS)) != word:
                out.append("w" + spelled.translate(_FOLD))
    out += ["e" + c for c in written if _is_emoji(c)]
    return out


def _number_as_zero(token: str) -> str:
    return "0" if _DIGIT.search(token) else token
