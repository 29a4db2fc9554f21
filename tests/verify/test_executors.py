"""The same shard work gives the same answers in this process, in a process pool and on Dask.

Threat (to the observer's trust in a fast run): an executor that drops or reorders shard results
would let a ballot go unchecked; each must return every result, in order.
"""

from __future__ import annotations

import importlib.util

import pytest

from isoloir_verify.executors import Processes, Serial, choose
from isoloir_verify.group import base_mul

SCALARS = list(range(1, 40))


def test_process_pool_returns_every_result_in_order() -> None:
    expected = Serial().map(base_mul, SCALARS)
    assert Processes(2).map(base_mul, SCALARS) == expected
    assert expected[0] == base_mul(1)


def test_choose_follows_the_options() -> None:
    assert isinstance(choose(1, None), Serial)
    assert isinstance(choose(3, None), Processes)


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="optional extra verify-dask")
def test_a_local_dask_cluster_returns_the_same_results() -> None:
    from distributed import LocalCluster

    from isoloir_verify.executors import DaskCluster

    # Loopback only, no dashboard: the test opens nothing beyond this machine.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert DaskCluster(cluster.scheduler_address).map(base_mul, SCALARS) == Serial().map(
            base_mul, SCALARS
        )
