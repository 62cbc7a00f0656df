"""What every operation is given rather than reaching for a global: the archive,
the clock and the randomness of the deck."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from coprod_desktop.domain.clock import Clock
from coprod_desktop.storage import Archive


@dataclass
class Context:
    archive: Archive
    clock: Clock = field(default_factory=Clock)
    rng: random.Random = field(default_factory=random.Random)
