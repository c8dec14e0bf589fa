"""Persistence of interviews: a header per interview and an append-only log of its events.

Usage by the interview engine::

    from isassist.store import Store, InterviewMeta, NewEvent

    store = Store()                       # default file in the user data dir; or Store(url)
    iv = store.create_interview(InterviewMeta(company="Brouwerij X", dialog_version="1"))
    seq = store.append(iv, NewEvent(kind="answer", question_id="q.sector", raw_text="11.05",
                                    value="11.05"))
    store.events(iv)                      # [Event(seq=1, ...)], in order
    store.list_interviews()               # [Summary], most recently changed first
    export = store.export_interview(iv)   # InterviewExport; add .dossier via model_copy
    write_export(export, path); store.import_interview(read_export(path))  # -> id

Every failure a user can cause (unknown id, bad file, locked or foreign database) raises
``StoreError`` whose message can be shown as it is.

Every name is imported from its module when first asked for (PEP 562): ``Store`` brings
SQLAlchemy (a quarter of a second) and the models pydantic, and the TUI starts an interview
before its store is open (``isassist.store.opening``) without either on its painting thread.
"""

from typing import TYPE_CHECKING

from isassist.lazynames import names_on_first_use

if TYPE_CHECKING:
    from isassist.store.errors import StaleInterviewError, StoreError
    from isassist.store.exchange import (
        SCHEMA_PATH,
        dumps_export,
        export_json_schema,
        loads_export,
        read_export,
        write_export,
    )
    from isassist.store.location import DATA_DIR_ENV, data_home, default_url
    from isassist.store.models import (
        EXPORT_FORMAT,
        EXPORT_VERSION,
        Event,
        EventKind,
        InterviewExport,
        InterviewMeta,
        NewEvent,
        StoredInterview,
        Summary,
    )
    from isassist.store.opening import OpeningStore
    from isassist.store.store import Store

_HOME = {
    "StaleInterviewError": "errors",
    "StoreError": "errors",
    "SCHEMA_PATH": "exchange",
    "dumps_export": "exchange",
    "export_json_schema": "exchange",
    "loads_export": "exchange",
    "read_export": "exchange",
    "write_export": "exchange",
    "DATA_DIR_ENV": "location",
    "data_home": "location",
    "default_url": "location",
    "EXPORT_FORMAT": "models",
    "EXPORT_VERSION": "models",
    "Event": "models",
    "EventKind": "models",
    "InterviewExport": "models",
    "InterviewMeta": "models",
    "NewEvent": "models",
    "StoredInterview": "models",
    "Summary": "models",
    "OpeningStore": "opening",
    "Store": "store",
}


__getattr__ = names_on_first_use(__name__, _HOME)

__all__ = [
    "DATA_DIR_ENV",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "SCHEMA_PATH",
    "Event",
    "EventKind",
    "InterviewExport",
    "InterviewMeta",
    "NewEvent",
    "OpeningStore",
    "StaleInterviewError",
    "Store",
    "StoreError",
    "StoredInterview",
    "Summary",
    "data_home",
    "default_url",
    "dumps_export",
    "export_json_schema",
    "loads_export",
    "read_export",
    "write_export",
]
