"""Short interview ids that a broker can read aloud and type.

``iv-20261128-k3f9``: the creation day makes ids sort and tells the user which interview is
which at a glance; four characters from an alphabet without look-alikes (0/o, 1/l/i) keep them
short while leaving about 800,000 ids per day, and the store retries on the rare clash.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
SUFFIX_LENGTH = 4
# Ids from other installations arrive through imports; accept any short, path-safe token.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)


def new_interview_id(now: datetime) -> str:
    """A fresh id for an interview created at ``now`` (UTC)."""
    suffix = "".join(secrets.choice(ALPHABET) for _ in range(SUFFIX_LENGTH))
    return f"iv-{now:%Y%m%d}-{suffix}"


def is_valid_id(text: str) -> bool:
    """Whether ``text`` has the shape of an interview id (not whether it exists)."""
    return _ID_RE.match(text) is not None
