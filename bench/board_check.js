// How long the board's check page takes to open a checked slip of the ILC maritime ballot (24 yes/no/
// abstain questions, 72 ciphertexts: 144 exponentiations, spec §7.6), in Node's V8 (a phone's
// browser is perhaps 3-5x slower: an estimate, not measured). Prints figures; asserts nothing.
//   node bench/board_check.js [RUNS]
"use strict";
// Debian 12's Node 18 has WebCrypto only as require("node:crypto").webcrypto; browsers (and Node 20)
// give it as globalThis.crypto, which is all the page uses.
if (!globalThis.crypto) globalThis.crypto = require("node:crypto").webcrypto;
const G = require("../station_admin/board_check/group.js");
const S = require("../station_admin/board_check/slip.js");

const QUESTIONS = 24, RUNS = Number(process.argv[2] || 5);
const options = ["yes", "no", "abstain"].map((id) => ({id, label: {en: id}}));
const session = {id: "maritime", questions: Array.from({length: QUESTIONS}, (_, i) => ({id: `q${i}`, kind: "single", options}))};

async function main() {
  let t = process.hrtime.bigint();
  const key = G.multiply(G.GENERATOR, 123456789n);
  const e = {he: new Uint8Array(32).fill(3), key, keyBytes: G.encode(key), powG: G.fixedBase(G.GENERATOR), powK: G.fixedBase(key)};
  const tables = Number(process.hrtime.bigint() - t) / 1e6;
  const slip = {session: "maritime", station: "booth-1", group: "", weight: 1, voter: "",
                nonce: new Uint8Array(32).fill(9), plaintext: new Uint8Array(QUESTIONS * 3).map((_, i) => (i % 3 === 0 ? 1 : 0))};
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    t = process.hrtime.bigint();
    await S.openedCode(e, session, slip);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`board check page, maritime slip (${QUESTIONS * 3} ciphertexts), Node ${process.version}`);
  console.log(`  fixed-base tables for g and K: ${tables.toFixed(0)} ms (once per page load)`);
  console.log(`  open one slip: median ${times[Math.floor(RUNS / 2)].toFixed(0)} ms, best ${times[0].toFixed(0)} ms over ${RUNS} runs`);
}
main();
