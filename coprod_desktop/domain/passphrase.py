"""How strong a new passphrase is, in words a facilitator can act on.

A rough estimate, and said to be one: the length and the kinds of character in it, with
the commonest patterns (one character repeated, a run like "12345" or "qwerty", a
well-known password) counted as the little they are worth. Argon2id slows guessing, but
only a long passphrase resists it.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

from coprod_desktop.language import _

MINIMUM_LENGTH = 8
COMMON = frozenset(
    "password passw0rd letmein welcome qwerty qwertyuiop abc123 iloveyou admin monkey dragon "
    "football baseball sunshine princess trustno1 superman master shadow cyfrinair".split()
)
RUNS = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")


@dataclass(frozen=True)
class Strength:
    bits: float
    level: str  # a key, never shown: "too short", "weak", "fair", "strong"
    hint: str

    @property
    def acceptable(self) -> bool:
        return self.level != "too short"


def _pool(text: str) -> int:
    kinds = (string.ascii_lowercase, string.ascii_uppercase, string.digits, string.punctuation + " ")
    size = sum(len(k) for k in kinds if any(c in k for c in text))
    return size + (100 if any(ord(c) > 127 for c in text) else 0) or 1


def _predictable(text: str) -> bool:
    low = text.lower()
    if len(set(low)) <= 2 or low.rstrip("0123456789!") in COMMON:
        return True
    return any(low in run or low in run[::-1] for run in RUNS)


def strength(passphrase: str) -> Strength:
    length = len(passphrase)
    if length < MINIMUM_LENGTH:
        return Strength(
            0.0,
            "too short",
            _("Use at least {minimum} characters; four unrelated words are best.").format(minimum=MINIMUM_LENGTH),
        )
    bits = 0.0 if _predictable(passphrase) else length * math.log2(_pool(passphrase))
    if bits < 45:
        return Strength(
            bits, "weak", _("Easy to guess. Three or four unrelated words are strong and easy to remember.")
        )
    if bits < 70:
        return Strength(bits, "fair", _("Fair. Another word or two would make it strong."))
    return Strength(bits, "strong", _("Strong."))
