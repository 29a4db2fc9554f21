// The page's data as a published record gives them (vectors/records/, made by scripts/e2e-walk.sh
// with the booth's own services): every checked ballot a real booth opened re-encrypts to its code;
// a record whose H_E does not follow from its manifest and trustees is refused before any check.
"use strict";
// Debian 12's Node 18 has WebCrypto only as require("node:crypto").webcrypto; browsers (and Node 20)
// give it as globalThis.crypto, which is all the page uses.
if (!globalThis.crypto) globalThis.crypto = require("node:crypto").webcrypto;
const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const S = require("../../station_admin/board_check/slip.js");

const RECORDS = path.join(__dirname, "..", "..", "vectors", "records");
const read = (record, name) => fs.readFileSync(path.join(RECORDS, record, name));

function checkedLines(record) {
  const root = path.join(RECORDS, record, "checked");
  const lines = [];
  for (const session of fs.readdirSync(root)) {
    for (const file of fs.readdirSync(path.join(root, session))) {
      const [header, ...rest] = fs.readFileSync(path.join(root, session, file), "utf8").trim().split("\n").map(JSON.parse);
      for (const line of rest) lines.push({header, line});
    }
  }
  return lines;
}

function plaintextOf(session, choices) { // §6.1, the inverse of the page's choicesOf
  const out = [];
  for (const q of session.questions) {
    const chosen = choices[q.id], items = q.kind === "list" ? q.lists : q.options;
    for (const item of items) out.push(chosen.includes(item.id) ? 1 : 0);
    if (q.kind === "multiple" && q.allow_blank) out.push(chosen.length === 0 ? 1 : 0);
  }
  return new Uint8Array(out);
}

async function opens(record) {
  const e = await S.election(new Uint8Array(read(record, "manifest.json")), JSON.parse(read(record, "ceremony.json")));
  const results = [];
  for (const {header, line} of checkedLines(record)) {
    const session = e.manifest.sessions.find((s) => s.id === header.session);
    const slip = {session: header.session, station: header.station, group: line.group, weight: line.weight,
                  voter: line.voter, nonce: S.b64decode(line.nonce), plaintext: plaintextOf(session, line.choices)};
    results.push(S.b64encode(await S.openedCode(e, session, slip)) === line.code);
  }
  return results;
}

test("every checked ballot of the good record re-encrypts from its nonce to its code", async () => {
  const results = await opens("good-two-booths");
  assert.ok(results.length >= 1);
  assert.deepStrictEqual(results, results.map(() => true));
});

test("a checked ballot whose published choices were changed does not give its code", async () => {
  // Threat: officials who publish other choices for an opened ballot than the booth encrypted.
  assert.ok((await opens("bad-checked-plaintext-wrong")).includes(false));
});

test("a record whose H_E does not follow from its manifest and commitments is refused", async () => {
  // Threat: a board published with another election's key or hash, so that no slip could match.
  await assert.rejects(S.election(new Uint8Array(read("bad-wrong-h-e", "manifest.json")),
                                  JSON.parse(read("bad-wrong-h-e", "ceremony.json"))), /H_E or key/);
});
