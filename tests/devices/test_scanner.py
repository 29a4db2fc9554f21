from __future__ import annotations

from kiosk.devices.scanner import ScanAssembler


def _type(assembler: ScanAssembler, text: str, start: float, gap: float) -> list[str | None]:
    return [assembler.key(char, start + i * gap) for i, char in enumerate(text)]


def test_a_scanned_code_and_enter_submit_the_code_without_a_tap() -> None:
    results = _type(ScanAssembler(), "K7QM-2XPD-9RTA\r", 10.0, 0.004)
    assert results[-1] == "K7QM-2XPD-9RTA" and results[:-1] == [None] * 14


def test_slow_key_presses_are_not_taken_for_a_scan() -> None:
    assert _type(ScanAssembler(), "ABCD\r", 10.0, 0.5)[-1] is None


def test_a_pause_before_a_scan_drops_the_stray_keys_before_it() -> None:
    assembler = ScanAssembler()
    assembler.key("x", 1.0)
    assert _type(assembler, "ABCD\n", 5.0, 0.004)[-1] == "ABCD"


def test_enter_alone_submits_nothing() -> None:
    assert ScanAssembler().key("\r", 1.0) is None
