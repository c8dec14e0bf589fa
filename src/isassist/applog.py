"""The rotating log file a user can send when something goes wrong.

The terminal belongs to the TUI or to a command's output, so log records go to a file only:
``isassist.log`` in the platform's log folder (``isassist config`` prints where), rotated at
1 MB with three old files kept, so it never fills a disk.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from isassist.config import log_dir

LOG_FILE = "isassist.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3


def start_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``isassist`` and ``durable`` loggers to the rotating file; return its path.

    Returns None (and logs nowhere) when the folder cannot be created: a read-only home must
    not stop the assistant.
    """
    path = log_dir() / LOG_FILE
    for name in ("isassist", "durable"):  # one file per process; a moved log folder wins
        logger = logging.getLogger(name)
        for old in [h for h in logger.handlers if isinstance(h, RotatingFileHandler)]:
            if old.baseFilename == str(path.absolute()):
                return path
            logger.removeHandler(old)
            old.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for name in ("isassist", "durable"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level)
    return path
