"""An Arabic message that opens with "السلام عليكم" is answered "وعليكم السلام".

The greeting of peace asks for its reply: a shop that answers "السلام عليكم، هل يوجد دفع
عند الاستلام؟" with "مرحباً، ..." reads as if it did not hear it (sendability set 3 #53,
issue 15). Every Arabic answer in the library opens with "مرحباً"/"مرحبًا" (and the
shopper's name when known) or straight with its matter ("نأسف ...", "بخصوص ..."); for a
message that opened with the greeting of peace the first becomes "وعليكم السلام" (with "يا"
before the name) and the second gets it in front:

    returned_salaam("مرحبًا أحمد، طلبك في الطريق.", "ar", "السلام عليكم، أين طلبي؟")
    # "وعليكم السلام يا أحمد، طلبك في الطريق."
    returned_salaam("نأسف للتأخير.", "ar", "السلام عليكم ورحمة الله، طلبي تأخر")
    # "وعليكم السلام، نأسف للتأخير."

Replies in other languages, and Arabic messages that open otherwise, are left as they are.
The other courtesies (a blessing's answer, "صباح النور", a wish) are in ``replies.courtesy``.
"""

from __future__ import annotations

import re

# Short vowels, shadda, sukun and tatweel, which shoppers may or may not type.
_MARKS = re.compile(r"[\u064B-\u0652\u0640]")
# "السلام عليكم" (also "سلام عليكم", "السلام عليكم ورحمة الله", Persian-keyboard yeh and
# kaf) at the start of the message, after any emoji or punctuation.
_SALAAM = re.compile(r"^[\W_]*(?:ال)?سلام\s*عل[يی][كک]م")
# The reply's opening greeting, the name after it if any, and the comma or mark it ends on.
_OPENING = re.compile(r"^(?:مرحبا|أهلا)(?P<name>\s+[^،,!.؟?]{1,40}?)?\s*(?P<mark>[،,!])\s*")
RETURNED = "وعليكم السلام"


def strip_marks(text: str) -> str:
    """``text`` without the short vowels, shadda, sukun and tatweel shoppers may or may
    not type."""
    return _MARKS.sub("", text)


def opens_with_salaam(text: str) -> bool:
    """Whether the message opens with the greeting of peace, "السلام عليكم"."""
    return bool(_SALAAM.search(_MARKS.sub("", text)))


def returned_salaam(reply: str, language: str, text: str) -> str:
    """``reply`` opening with "وعليكم السلام" when it is Arabic and ``text`` opened with
    "السلام عليكم"; unchanged otherwise."""
    if language != "ar" or not reply or not opens_with_salaam(text):
        return reply
    if reply.startswith(RETURNED):
        return reply
    bare = _MARKS.sub("", reply[:60])
    opening = _OPENING.match(bare)
    if opening is None:
        return f"{RETURNED}، {reply}"
    # where the greeting ends in the reply as written, with its marks
    end = _end_in(reply, len(opening.group(0)))
    name = (opening.group("name") or "").strip()
    said = f"{RETURNED} يا {name}" if name else RETURNED
    mark = "،" if opening.group("mark") in "،," else opening.group("mark")
    return f"{said}{mark} {reply[end:]}"


def _end_in(reply: str, bare_length: int) -> int:
    """The index in ``reply`` after its first ``bare_length`` characters not counting
    short vowels and tatweel."""
    seen = 0
    for index, char in enumerate(reply):
        if seen == bare_length:
            return index
        if not _MARKS.match(char):
            seen += 1
    return len(reply)
