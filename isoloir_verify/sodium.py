"""The system libsodium, loaded once per process in cffi ABI mode (no compiler, no bundled copy).

Only the calls the verifier needs are declared: ristretto255 arithmetic (group.py) and Ed25519
signature checks (signatures.py). Each worker process loads its own copy on first use.
"""

from __future__ import annotations

import threading
from typing import Any, Final

from cffi import FFI

# The soname Debian's libsodium23 installs; found through the dynamic loader.
LIBSODIUM_SONAME: Final = "libsodium.so.23"

_CDEF: Final = """
int sodium_init(void);
int crypto_core_ristretto255_is_valid_point(const unsigned char *p);
int crypto_core_ristretto255_add(unsigned char *r, const unsigned char *p, const unsigned char *q);
int crypto_core_ristretto255_sub(unsigned char *r, const unsigned char *p, const unsigned char *q);
int crypto_core_ristretto255_from_hash(unsigned char *p, const unsigned char *r);
int crypto_scalarmult_ristretto255(unsigned char *q, const unsigned char *n, const unsigned char *p);
int crypto_scalarmult_ristretto255_base(unsigned char *q, const unsigned char *n);
int crypto_sign_ed25519_verify_detached(const unsigned char *sig, const unsigned char *m,
                                        unsigned long long mlen, const unsigned char *pk);
"""


class Sodium:
    def __init__(self) -> None:
        self.ffi = FFI()
        self.ffi.cdef(_CDEF)
        self.lib: Any = self.ffi.dlopen(LIBSODIUM_SONAME)
        # sodium_init returns 0 on first call, 1 if already initialised, -1 on failure.
        if self.lib.sodium_init() < 0:
            raise RuntimeError("libsodium failed to initialise")

        self._local = threading.local()

    def out32(self) -> Any:
        """This thread's 32-byte output buffer, reused: allocating one per call costs ~7 % of a ballot."""
        buf = getattr(self._local, "buf", None)
        if buf is None:
            buf = self._local.buf = self.ffi.new("unsigned char[32]")
        return buf

    def scratch(self) -> tuple[Any, Any, Any]:
        """This thread's three 32-byte buffers for a two-term product x^a · y^b: both powers stay in
        C memory and go straight into the addition, so only the result is copied out as bytes."""
        bufs = getattr(self._local, "scratch", None)
        if bufs is None:
            bufs = self._local.scratch = tuple(self.ffi.new("unsigned char[32]") for _ in range(3))
        return bufs

    def take(self, buf: Any, size: int) -> bytes:
        return bytes(self.ffi.buffer(buf, size))


_SODIUM: Sodium | None = None


def sodium() -> Sodium:
    global _SODIUM
    if _SODIUM is None:
        _SODIUM = Sodium()
    return _SODIUM
