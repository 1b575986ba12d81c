"""Private: the cyclic garbage collector paused while many lasting objects are made.

Reading a history makes thousands of records that all live on (a report
keeps them).  Each one is small and holds no reference cycle, but every
container object made counts towards the next collection, and a collection
walks every object still young: a history's records were walked two or
three times each for nothing, 10–25% of a validation's time.  Paused, the
collector does no walk; any cycle made meanwhile (a rare error's traceback)
is collected as usual once it runs again.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["paused"]


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, and on again after it if it was on before."""
    if not gc.isenabled():  # the caller's choice: left as it is
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
