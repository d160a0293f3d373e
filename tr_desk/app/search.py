"""Finding cases in every year (Søk), a case by its number, and a case's way through the
bodies (the saksgang, with the cases much like it)."""

from __future__ import annotations

from tr_desk.storage.search import Hit as Hit
from tr_desk.storage.search import Hits as Hits
from tr_desk.storage.search import hit_of as hit_of
from tr_desk.storage.search import search as search
from tr_desk.storage.threads import saksgang as saksgang
from tr_desk.storage.threads import thread as thread

__all__ = ["Hit", "Hits", "hit_of", "saksgang", "search", "thread"]
