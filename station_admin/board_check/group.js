// ristretto255 (RFC 9496) and Ed25519 signature checks (RFC 8032) in plain JavaScript with BigInt:
// the public board's own group code, written from the RFCs and docs/e2e-spec.md §1, sharing nothing
// with the booth (libsodium) or isoloir_verify. Only public data passes through here, so nothing
// needs to run in constant time. Works as a classic <script> (global IsoloirGroup) and under Node.
var IsoloirGroup = (function () {
  "use strict";
  var P = (1n << 255n) - 19n;
  var Q = (1n << 252n) + 27742317777372353535851937790883648493n; // the group order
  function mod(a) { var r = a % P; return r < 0n ? r + P : r; }
  function pow(b, e) {
    var r = 1n; b = mod(b);
    while (e > 0n) { if (e & 1n) r = (r * b) % P; b = (b * b) % P; e >>= 1n; }
    return r;
  }
  function inv(a) { return pow(a, P - 2n); }
  var D = mod(-121665n * inv(121666n)); // the curve's d
  var SQRT_M1 = pow(2n, (P - 1n) / 4n);
  function isNegative(a) { return (mod(a) & 1n) === 1n; } // RFC 9496 §4.2: the low bit
  function abs(a) { return isNegative(a) ? mod(-a) : mod(a); }

  // RFC 9496 §4.2 SQRT_RATIO_M1(u, v): [was_square, the non-negative root of u/v or of i·u/v].
  function sqrtRatioM1(u, v) {
    var v3 = mod(v * v * v), v7 = mod(v3 * v3 * v);
    var r = mod(u * v3 * pow(u * v7, (P - 5n) / 8n));
    var check = mod(v * r * r);
    var correct = check === mod(u), flipped = check === mod(-u);
    var flippedI = check === mod(-u * SQRT_M1);
    if (flipped || flippedI) r = mod(r * SQRT_M1);
    return [correct || flipped, abs(r)];
  }
  var INVSQRT_A_MINUS_D = sqrtRatioM1(1n, mod(-1n - D))[1];

  // Points in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, x·y = T/Z on -x² + y² = 1 + d x² y².
  var IDENTITY = [0n, 1n, 1n, 0n];
  function add(p, q) { // add-2008-hwcd-3 (a = −1), complete
    var a = mod((p[1] - p[0]) * (q[1] - q[0])), b = mod((p[1] + p[0]) * (q[1] + q[0]));
    var c = mod(2n * D * p[3] * q[3]), d = mod(2n * p[2] * q[2]);
    var e = b - a, f = d - c, g = d + c, h = b + a;
    return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
  }
  function double(p) { // dbl-2008-hwcd (a = −1)
    var a = mod(p[0] * p[0]), b = mod(p[1] * p[1]), c = mod(2n * p[2] * p[2]);
    var xy = p[0] + p[1], e = mod(xy * xy - a - b), g = b - a, f = g - c, h = -a - b;
    return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
  }
  function negate(p) { return [mod(-p[0]), p[1], p[2], mod(-p[3])]; }
  function multiply(p, s) { // variable base: 4-bit window, s in [0, 2^256)
    var table = [IDENTITY];
    for (var i = 1; i < 16; i++) table.push(add(table[i - 1], p));
    var r = IDENTITY;
    for (var shift = 252n; shift >= 0n; shift -= 4n) {
      r = double(double(double(double(r))));
      r = add(r, table[Number((s >> shift) & 15n)]);
    }
    return r;
  }
  // A fixed base used many times (g, the election key K): 64 tables of its 16 multiples of 16^i,
  // so each power is 64 additions and no doubling.
  function fixedBase(p) {
    var tables = [], base = p;
    for (var i = 0; i < 64; i++) {
      var row = [IDENTITY];
      for (var j = 1; j < 16; j++) row.push(add(row[j - 1], base));
      tables.push(row);
      base = double(double(double(double(base))));
    }
    return function (s) {
      var r = IDENTITY;
      for (var k = 0; k < 64; k++) r = add(r, tables[k][Number((s >> BigInt(4 * k)) & 15n)]);
      return r;
    };
  }

  function leToInt(bytes) {
    var n = 0n;
    for (var i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
    return n;
  }
  function intToLe(n, size) {
    var out = new Uint8Array(size);
    for (var i = 0; i < size; i++) { out[i] = Number(n & 255n); n >>= 8n; }
    return out;
  }

  // RFC 9496 §4.3.1 DECODE: null for an encoding it refuses (spec §1.1: the object holding it is refused).
  function decode(bytes) {
    if (bytes.length !== 32) return null;
    var s = leToInt(bytes);
    if (s >= P || isNegative(s)) return null;
    var ss = mod(s * s), u1 = mod(1n - ss), u2 = mod(1n + ss), u2sq = mod(u2 * u2);
    var v = mod(-(D * u1 * u1) - u2sq);
    var root = sqrtRatioM1(1n, mod(v * u2sq));
    var denX = mod(root[1] * u2), denY = mod(root[1] * denX * v);
    var x = abs(2n * s * denX), y = mod(u1 * denY), t = mod(x * y);
    if (!root[0] || isNegative(t) || y === 0n) return null;
    return [x, y, 1n, t];
  }
  // RFC 9496 §4.3.2 ENCODE.
  function encode(p) {
    var x0 = p[0], y0 = p[1], z0 = p[2], t0 = p[3];
    var u1 = mod((z0 + y0) * (z0 - y0)), u2 = mod(x0 * y0);
    var invsqrt = sqrtRatioM1(1n, mod(u1 * u2 * u2))[1];
    var den1 = mod(invsqrt * u1), den2 = mod(invsqrt * u2), zInv = mod(den1 * den2 * t0);
    var x = x0, y = y0, denInv = den2;
    if (isNegative(t0 * zInv)) { x = mod(y0 * SQRT_M1); y = mod(x0 * SQRT_M1); denInv = mod(den1 * INVSQRT_A_MINUS_D); }
    if (isNegative(x * zInv)) y = mod(-y);
    return intToLe(abs(denInv * (z0 - y)), 32);
  }
  var GENERATOR = decode(hexBytes("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"));

  function scalar(bytes) { // spec §1.2: 32 bytes little-endian below q, else null
    if (bytes.length !== 32) return null;
    var n = leToInt(bytes);
    return n < Q ? n : null;
  }
  function hexBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
    return out;
  }

  // Ed25519 (RFC 8032 §5.1.3 decoding, §5.1.7 verification, cofactorless as OpenSSL checks it).
  var ED_BASE = edDecode(intToLe(mod(4n * inv(5n)), 32));
  var L = Q;
  function edDecode(bytes) {
    if (bytes.length !== 32) return null;
    var y = leToInt(bytes) & ((1n << 255n) - 1n), sign = bytes[31] >> 7;
    if (y >= P) return null;
    var u = mod(y * y - 1n), v = mod(D * y * y + 1n);
    var x = mod(u * pow(v, 3n) * pow(u * pow(v, 7n), (P - 5n) / 8n));
    var vxx = mod(v * x * x);
    if (vxx !== u) { if (vxx !== mod(-u)) return null; x = mod(x * SQRT_M1); }
    if (x === 0n && sign === 1) return null;
    if (Number(x & 1n) !== sign) x = mod(-x);
    return [x, y, 1n, mod(x * y)];
  }
  function edEncode(p) {
    var zi = inv(p[2]), x = mod(p[0] * zi), y = mod(p[1] * zi);
    var out = intToLe(y, 32);
    out[31] |= Number(x & 1n) << 7;
    return out;
  }
  // sha512: an async function (bytes) → 64 bytes, given by the caller (WebCrypto).
  async function edVerify(publicKey, message, signature, sha512) {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    var a = edDecode(publicKey), r = signature.slice(0, 32), s = leToInt(signature.slice(32));
    if (a === null || edDecode(r) === null || s >= L) return false;
    var joined = new Uint8Array(64 + message.length);
    joined.set(r, 0); joined.set(publicKey, 32); joined.set(message, 64);
    var k = leToInt(await sha512(joined)) % L;
    var check = add(multiply(ED_BASE, s), negate(multiply(a, k)));
    return equalBytes(edEncode(check), r);
  }
  function equalBytes(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  return {
    P: P, Q: Q, IDENTITY: IDENTITY, GENERATOR: GENERATOR, add: add, negate: negate, multiply: multiply,
    fixedBase: fixedBase, decode: decode, encode: encode, scalar: scalar, leToInt: leToInt,
    intToLe: intToLe, hexBytes: hexBytes, equalBytes: equalBytes, edVerify: edVerify,
  };
})();
if (typeof module !== "undefined") module.exports = IsoloirGroup;
