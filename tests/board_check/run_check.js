// Reads {"data": the page's CHECK_DATA, "slips": [QR text…]} on stdin; prints the page's verdict on
// each slip as a JSON list, so the Python tests give it slips made by the booth's own services.
"use strict";
// Debian 12's Node 18 has WebCrypto only as require("node:crypto").webcrypto; browsers (and Node 20)
// give it as globalThis.crypto, which is all the page uses.
if (!globalThis.crypto) globalThis.crypto = require("node:crypto").webcrypto;
const S = require("../../station_admin/board_check/slip.js");

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const {data, slips} = JSON.parse(input);
  let election, board;
  try {
    [election, board] = await S.load(data);
  } catch (error) {
    process.stdout.write(JSON.stringify({broken: error.message}));
    return;
  }
  const out = [];
  for (const qr of slips) out.push(await S.check(election, board, qr));
  process.stdout.write(JSON.stringify(out));
});
