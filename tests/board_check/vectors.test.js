// The board's check page's JavaScript against the RFC 9496 vectors and the repository's vectors/
// (group, hashes, ballots): a second implementation must reproduce them to the byte (spec §13).
"use strict";
// Debian 12's Node 18 has WebCrypto only as require("node:crypto").webcrypto; browsers (and Node 20)
// give it as globalThis.crypto, which is all the page uses.
if (!globalThis.crypto) globalThis.crypto = require("node:crypto").webcrypto;
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const G = require("../../station_admin/board_check/group.js");
const S = require("../../station_admin/board_check/slip.js");

const VECTORS = path.join(__dirname, "..", "..", "vectors");
const load = (name) => JSON.parse(fs.readFileSync(path.join(VECTORS, name), "utf8"));
const hex = (b) => Buffer.from(b).toString("hex");
const bytesOf = (h) => G.hexBytes(h);

test("RFC 9496 A.1: multiples 0..15 of the generator encode and decode exactly", () => {
  const multiples = load("group/rfc9496.json").generator_multiples;
  let point = G.IDENTITY;
  for (const expected of multiples) {
    assert.strictEqual(hex(G.encode(point)), expected);
    assert.strictEqual(hex(G.encode(G.decode(bytesOf(expected)))), expected);
    point = G.add(point, G.GENERATOR);
  }
});

test("RFC 9496 A.2: every invalid encoding is refused", () => {
  for (const bad of load("group/rfc9496.json").invalid_encodings) assert.strictEqual(G.decode(bytesOf(bad)), null, bad);
});

test("vectors/group: multiplications, products and quotients (identity included), invalid elements and scalars", () => {
  const v = load("group/elements.json");
  const powG = G.fixedBase(G.GENERATOR);
  for (const c of v.base_multiplication) {
    const s = G.scalar(bytesOf(c.scalar));
    assert.strictEqual(hex(G.encode(powG(s))), c.result);
    assert.strictEqual(hex(G.encode(G.multiply(G.GENERATOR, s))), c.result);
  }
  for (const c of v.multiplication) {
    const point = G.decode(bytesOf(c.point));
    assert.strictEqual(hex(G.encode(G.multiply(point, G.scalar(bytesOf(c.scalar))))), c.result);
    assert.strictEqual(hex(G.encode(G.fixedBase(point)(G.scalar(bytesOf(c.scalar))))), c.result);
  }
  for (const c of v.operation) {
    const a = G.decode(bytesOf(c.a)), b = G.decode(bytesOf(c.b));
    assert.strictEqual(hex(G.encode(G.add(a, b))), c.product);
    assert.strictEqual(hex(G.encode(G.add(a, G.negate(b)))), c.quotient);
  }
  for (const bad of v.invalid_elements) assert.strictEqual(G.decode(bytesOf(bad)), null, bad);
  for (const good of v.valid_scalars) assert.notStrictEqual(G.scalar(bytesOf(good)), null, good);
  for (const bad of v.invalid_scalars) assert.strictEqual(G.scalar(bytesOf(bad)), null, bad);
});

function encodeField(f) {
  switch (f.type) {
    case "int": return S.int(f.value);
    case "str": return S.str(f.value);
    case "bytes": return S.bytes(bytesOf(f.value));
    case "digest": return bytesOf(f.value);
    case "elem": assert.notStrictEqual(G.decode(bytesOf(f.value)), null); return bytesOf(f.value);
    case "ints": return S.concat([S.int(f.value.length)].concat(f.value.map(S.int)));
    default: throw new Error(f.type);
  }
}

test("vectors/hash: the exact message bytes and the H or Hq output of every tag", async () => {
  for (const c of load("hash/hash.json").cases) {
    const fields = c.fields.map(encodeField);
    const tag = parseInt(c.tag, 16);
    assert.strictEqual(hex(S.concat([new Uint8Array([tag])].concat(fields))), c.message, c.tag);
    const key = bytesOf(c.key);
    const out = c.function === "H" ? await S.H(key, tag, fields) : G.intToLe(await S.Hq(key, tag, fields), 32);
    assert.strictEqual(hex(out), c.output, c.tag);
  }
});

async function vectorElection() {
  const v = load("ballot/ballots.json");
  const manifest = fs.readFileSync(path.join(VECTORS, "ballot", "manifest.json"));
  const b64 = (h) => S.b64encode(bytesOf(h));
  const ceremony = {
    n: v.election.n, k: v.election.k, h_e: b64(v.election.h_e), election_key: b64(v.election.election_key),
    trustees: v.election.commitments.map((row) => ({commitments: row.map(b64)})),
  };
  return {v, e: await S.election(new Uint8Array(manifest), ceremony)};
}

test("vectors/ballot: H_E and the key recomputed from the manifest's bytes and the commitments", async () => {
  const {v, e} = await vectorElection();
  assert.strictEqual(hex(e.he), v.election.h_e);
  assert.strictEqual(hex(e.keyBytes), v.election.election_key);
});

test("vectors/ballot: every case opens from its nonce to its code and short code", async () => {
  const {v, e} = await vectorElection();
  for (const c of v.cases) {
    const line = c.record_line;
    const slip = {session: c.session, station: c.station, group: line.group, weight: line.weight, voter: line.voter,
                  nonce: bytesOf(c.nonce), plaintext: bytesOf(c.plaintext)};
    const session = e.manifest.sessions.find((s) => s.id === c.session);
    const choices = S.choicesOf(session, slip.plaintext);
    for (const q of session.questions) assert.deepStrictEqual([...choices[q.id]].sort(), [...(c.choices[q.id] || [])].sort(), c.name);
    const code = await S.openedCode(e, session, slip);
    assert.strictEqual(hex(code), c.code, c.name);
    assert.strictEqual(S.shortCode(code), c.short_code, c.name);
    assert.strictEqual(S.b64encode(code), line.code, c.name);
  }
});

test("base64url: one text per value (padding, other characters, unused bits set: refused)", () => {
  const text = S.b64encode(new Uint8Array(32).fill(7));
  assert.strictEqual(text.length, 43);
  assert.deepStrictEqual(S.b64decode(text), new Uint8Array(32).fill(7));
  assert.strictEqual(S.b64decode(text + "="), null);
  assert.strictEqual(S.b64decode(text.slice(0, 42) + "+"), null);
  const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(text[42]);
  assert.strictEqual(S.b64decode(text.slice(0, 42) + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[last | 1]), null);
});

test("RFC 8032 §7.1 test 1 and 2: Ed25519 signatures hold, a changed byte does not", async () => {
  const cases = [
    ["d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
     "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"],
    ["3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
     "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"],
  ];
  for (const [key, msg, sig] of cases) {
    assert.ok(await G.edVerify(bytesOf(key), bytesOf(msg), bytesOf(sig), S.sha512));
    const forged = bytesOf(sig); forged[5] ^= 1;
    assert.ok(!(await G.edVerify(bytesOf(key), bytesOf(msg), forged, S.sha512)));
    assert.ok(!(await G.edVerify(bytesOf(key), S.concat([bytesOf(msg), new Uint8Array([1])]), bytesOf(sig), S.sha512)));
  }
});
