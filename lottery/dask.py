"""Check ticket files on a Dask cluster (the ``scale`` extra: dask and distributed).

The files (text or columnar, or globs) are cut into parts
(:mod:`lottery.partitions`: byte ranges at line ends, whole row groups);
each part is checked on a worker — through the vectorised lane against one
draw — and the parts' tallies come back to be merged.  The result is the
tally one process gives for the same files, in any partition.

Nothing else in the library imports dask or distributed.

.. code-block:: python

    import lottery, lottery.dask
    from distributed import Client

    draw = lottery.parse_draw("ssq", "02 05 07 08 20 27 + 04", issue="2019021")
    with Client("tcp://scheduler:8786") as client:
        tally = lottery.dask.check("/data/sold/2019021/*.parquet", [draw], client=client)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Final

from lottery import partitions
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.tally import KEEP, Tally

__all__ = ["FAST_ARRAYS", "check", "connect", "local_cluster"]


def check(
    paths_or_glob: str | Sequence[str],
    draws: Sequence[Draw],
    *,
    client: Any = None,  # noqa: ANN401 - a distributed.Client
    keep: int = KEEP,
    part_size: int = partitions.PART_SIZE,
    part_rows: int = partitions.PART_ROWS,
) -> Tally:
    """The tally of the files against the draws, the parts checked on the cluster's workers.

    ``client`` is a :class:`distributed.Client`; without one, the current client
    (``distributed.get_client()``) is used, and LotteryError says there is none.
    Raises OSError for a file that cannot be found (before anything is sent to
    the cluster).
    """
    from distributed import get_client  # noqa: PLC0415 - the scale extra

    chosen = list(draws)
    parts = partitions.split(partitions.expand(paths_or_glob), size=part_size, rows=part_rows)
    if client is None:
        try:
            client = get_client()
        except ValueError:  # distributed: "No clients found"
            msg = "lottery.dask.check needs a Dask client: pass client=, or start one first"
            raise LotteryError(msg) from None
    [shared] = client.scatter([chosen], broadcast=True, hash=False)  # a key of its own
    futures = client.map(partitions.check_part, parts, draws=shared, keep=keep, pure=False)
    return partitions.merge(client.gather(futures), chosen, keep=keep)


#: distributed starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which turns every
#: large array into a fresh ``mmap``: the vectorised lane ran 2.2× slower.  This unsets it.
FAST_ARRAYS: Final = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


def local_cluster(workers: int | None = None) -> Any:  # noqa: ANN401 - a distributed.LocalCluster
    """A cluster of worker processes on this machine, one per core (one thread each)."""
    import dask  # noqa: PLC0415 - the scale extra
    from distributed import LocalCluster  # noqa: PLC0415

    start: Any = LocalCluster  # distributed's types are partial
    with dask.config.set(FAST_ARRAYS):
        return start(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )


def connect(address: str) -> tuple[Any, Any]:
    """A client of the scheduler at ``address``, or of a new local cluster for ``local``.

    Returns the client and the cluster it started (``None`` for an address):
    close both when done.
    """
    from distributed import Client  # noqa: PLC0415 - the scale extra

    client: Any = Client  # distributed's types are partial
    if address == "local":
        cluster = local_cluster()
        return client(cluster), cluster
    return client(address), None
