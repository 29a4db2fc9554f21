"""Where the shard work runs: this process, a pool of local processes, or an existing Dask cluster.

Shards are independent (a booth's file, cut into chunks) and their outcomes combine associatively,
so any executor gives the same report. Processes, not threads: Python's overhead around each
libsodium call dominates, and it holds the GIL (E2E.md §14).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]: ...


class Serial:
    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        return [fn(item) for item in items]


class Processes:
    def __init__(self, jobs: int) -> None:
        self.jobs = jobs

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if len(items) <= 1:
            return Serial().map(fn, items)
        with ProcessPoolExecutor(max_workers=min(self.jobs, len(items))) as pool:
            return list(pool.map(fn, items))


class DaskCluster:
    """An observer's existing cluster (`--dask ADDRESS`); needs the optional `verify-dask` extra.

    Every worker must have isoloir-verify installed and the record at the same path (a shared or
    copied directory): shards name files, they do not carry ballots.
    """

    def __init__(self, address: str) -> None:
        self.address = address

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        client = _dask_client(self.address)
        try:
            futures = client.map(fn, list(items), pure=False)
            results: list[R] = client.gather(futures)
            return results
        finally:
            client.close()


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client  # type: ignore[import-not-found, unused-ignore]  # optional extra
    except ImportError:
        raise SystemExit("--dask needs the optional Dask extra: pip install 'isoloir[verify-dask]'") from None
    return Client(address)  # type: ignore[no-untyped-call, unused-ignore]


def choose(jobs: int, dask_address: str | None) -> Executor:
    if dask_address:
        return DaskCluster(dask_address)
    if jobs > 1:
        return Processes(jobs)
    return Serial()
