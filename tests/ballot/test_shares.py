"""The election key split among trustees: any k of n recover it, fewer or wrong ones are refused."""

from __future__ import annotations

from itertools import combinations

import pytest

from kiosk.ballot.encryption import new_election_secret
from kiosk.ballot.shamir import recover, split
from station_admin.tally import TallyError, recover_key
from tests.kit import ElectionKit


@pytest.mark.parametrize(("k", "n"), [(1, 1), (2, 3), (3, 5), (5, 5)])
def test_any_k_of_n_shares_recover_the_key_and_fewer_do_not(k: int, n: int) -> None:
    secret = new_election_secret()
    shares = split(secret, k, n)
    for chosen in combinations(shares, k):
        assert recover(list(chosen)) == secret
    if k > 1:
        assert recover(shares[: k - 1]) != secret


def test_trustees_recover_the_election_key_from_their_files(small_election: ElectionKit) -> None:
    for a, b in [(1, 2), (1, 3), (2, 3)]:
        key = recover_key(small_election.package, [small_election.share(a), small_election.share(b)])
        assert key == small_election.secret


def test_one_share_is_not_enough(small_election: ElectionKit) -> None:
    with pytest.raises(TallyError, match=r"1 share.* needs 2 trustees"):
        recover_key(small_election.package, [small_election.share(2)])


def test_a_wrong_passphrase_names_the_trustee(small_election: ElectionKit) -> None:
    wrong = small_election.share(3)
    wrong = type(wrong)(wrong.path, "not the passphrase")
    with pytest.raises(TallyError, match="wrong passphrase for trustee 3"):
        recover_key(small_election.package, [small_election.share(1), wrong])


def test_the_same_share_twice_is_refused(small_election: ElectionKit) -> None:
    with pytest.raises(TallyError, match="same trustee"):
        recover_key(small_election.package, [small_election.share(1), small_election.share(1)])


def test_share_files_hold_no_key_in_the_clear(small_election: ElectionKit) -> None:
    text = small_election.folder.share_path(1).read_text()
    assert small_election.secret.hex() not in text
    assert oct(small_election.folder.share_path(1).stat().st_mode & 0o777) == "0o600"
