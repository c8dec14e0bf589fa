"""Writing a file the user named (``-o``) without ever losing the one that was there.

A report or an export replaces nothing unless asked (``--force``), and the new content is
written to a temporary file in the same folder and renamed into place only when complete: on a
full disk, a crash or Ctrl-C the previous file is intact and no partial file is left behind.
The rename is atomic on the same file system, which is why the temporary file sits next to the
target rather than in /tmp. Without ``--force`` the final step is a hard link, which fails when
the name was taken in the meantime, so even a race with another writer cannot overwrite.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The file could not be written; the message says why and what to do."""


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_file(path: Path, content: bytes | str, *, force: bool = False) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` all at once, or leave everything as it was.

    OutputError when ``path`` exists and ``force`` is false, or when writing fails.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.is_dir():
        raise OutputError(f"{path} is a folder; give a file name")
    if not force and path.exists():
        raise OutputError(f"{path} already exists; add --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        if force:
            os.replace(temporary, path)
        else:
            try:
                os.link(temporary, path)
            except FileExistsError:
                raise OutputError(f"{path} already exists; add --force to replace it") from None
            except OSError as error:
                if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV):
                    raise
                os.replace(temporary, path)  # a file system without hard links
    except OSError as error:
        raise OutputError(
            f"cannot write {path}: {error.strerror or error}; nothing was changed"
        ) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
