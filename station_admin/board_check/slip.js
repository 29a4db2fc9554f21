// The board's check of a slip, from docs/e2e-spec.md alone: the hash and its field encodings (§2–§3),
// the base hashes (§4), the ballot context (§5), the layout per question kind (§6), the opening of a
// checked ballot (§7.6), the signed receipts (§9.4) and the QR link (§9.5). Needs IsoloirGroup and
// WebCrypto (crypto.subtle: HMAC-SHA-256/512, SHA-512); no network, no other library.
var IsoloirSlip = (function (G) {
  "use strict";
  var subtle = globalThis.crypto.subtle;
  var utf8 = new TextEncoder();
  var TAG = {P: 0x00, M: 0x01, B: 0x02, C: 0x11, E: 0x12, NONCE: 0x20, DIGEST: 0x23, CODE: 0x24, CTX: 0x25};
  var ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // §7.4's short-code symbols
  var SIGNATURE_BYTES = 64;

  function concat(parts) {
    var size = 0, at = 0;
    parts.forEach(function (p) { size += p.length; });
    var out = new Uint8Array(size);
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }
  // §2 field encodings; each returns the bytes to hash.
  function int(n) {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new Error("an int field out of range");
    return new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  }
  function str(text) { var b = utf8.encode(text); return concat([int(b.length), b]); }
  function bytes(b) { return concat([int(b.length), b]); }
  function digest(b) { if (b.length !== 32) throw new Error("a digest is 32 bytes"); return b; }
  function elem(point) { return G.encode(point); }

  async function hmac(hash, key, tag, fields) {
    var k = await subtle.importKey("raw", key, {name: "HMAC", hash: hash}, false, ["sign"]);
    return new Uint8Array(await subtle.sign("HMAC", k, concat([new Uint8Array([tag])].concat(fields))));
  }
  function H(key, tag, fields) { return hmac("SHA-256", key, tag, fields); } // §3, 32 bytes
  async function Hq(key, tag, fields) { return G.leToInt(await hmac("SHA-512", key, tag, fields)) % G.Q; }
  async function sha512(b) { return new Uint8Array(await subtle.digest("SHA-512", b)); }

  // §10 base64url without padding, one text per value: refuses padding, other characters and a
  // last character whose unused bits are set.
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function b64decode(text) {
    if (typeof text !== "string" || text.length % 4 === 1 || /[^A-Za-z0-9_-]/.test(text)) return null;
    var out = new Uint8Array(Math.floor(text.length * 3 / 4)), acc = 0, bits = 0, at = 0;
    for (var i = 0; i < text.length; i++) {
      acc = (acc << 6) | B64.indexOf(text[i]); bits += 6;
      if (bits >= 8) { bits -= 8; out[at++] = (acc >> bits) & 255; }
    }
    if ((acc & ((1 << bits) - 1)) !== 0) return null;
    return out;
  }
  function b64encode(b) {
    var out = "", acc = 0, bits = 0;
    for (var i = 0; i < b.length; i++) {
      acc = (acc << 8) | b[i]; bits += 8;
      while (bits >= 6) { bits -= 6; out += B64[(acc >> bits) & 63]; }
      acc &= (1 << bits) - 1;
    }
    return bits ? out + B64[(acc << (6 - bits)) & 63] : out;
  }
  function hex(b) { return Array.prototype.map.call(b, function (x) { return (x < 16 ? "0" : "") + x.toString(16); }).join(""); }

  function shortCode(code) { // §7.4: first 80 bits, 16 symbols of 5 bits, groups of four
    var n = 0n, out = "";
    for (var i = 0; i < 10; i++) n = (n << 8n) | BigInt(code[i]);
    for (var s = 75n; s >= 0n; s -= 5n) out += ALPHABET[Number((n >> s) & 31n)];
    return out.match(/.{4}/g).join("-");
  }

  // §4: the election the page checks against, recomputed from the manifest's bytes and the trustees'
  // commitments (the ceremony's own h_e and key must agree, or the board is refused).
  async function election(manifestBytes, ceremony) {
    var g = G.GENERATOR;
    var hp = await H(new Uint8Array(32), TAG.P, [str("isoloir-e2e/1"), str("ristretto255"), elem(g), str("HMAC-SHA-256/512")]);
    var hm = await H(hp, TAG.M, [bytes(manifestBytes)]);
    var hb = await H(hp, TAG.B, [digest(hm), int(ceremony.n), int(ceremony.k)]);
    var commitments = [], key = G.IDENTITY;
    ceremony.trustees.forEach(function (t) {
      t.commitments.forEach(function (c, j) {
        var point = G.decode(b64decode(c) || new Uint8Array(0));
        if (point === null) throw new Error("a trustee commitment is not a group element");
        commitments.push(elem(point));
        if (j === 0) key = G.add(key, point);
      });
    });
    var hc = await H(hb, TAG.C, commitments);
    var he = await H(hb, TAG.E, [elem(key), digest(hc)]);
    if (b64encode(he) !== ceremony.h_e || b64encode(G.encode(key)) !== ceremony.election_key) {
      throw new Error("the ceremony's H_E or key does not follow from the manifest and commitments");
    }
    var manifest = JSON.parse(new TextDecoder("utf-8", {fatal: true}).decode(manifestBytes));
    return {manifest: manifest, he: he, key: key, keyBytes: G.encode(key), powG: G.fixedBase(g), powK: G.fixedBase(key)};
  }

  // §6.1: per question, the ciphertexts' choice ids, whether a blank flag ends them, and the rules.
  function layout(question) {
    var items = question.kind === "list" ? question.lists : question.options;
    var multiple = question.kind === "multiple";
    return {
      id: question.id, choices: items.map(function (o) { return o.id; }),
      flag: multiple && !!question.allow_blank, blank: !!question.allow_blank,
      min: multiple ? (question.min === undefined ? 1 : question.min) : 1, max: multiple ? question.max : 1,
    };
  }
  // §6.2 → choices, or null for bytes that spell no valid answer (not 0/1, wrong length, a blank
  // flag that contradicts the options, a count outside the rules).
  function choicesOf(session, plaintext) {
    var layouts = session.questions.map(layout), at = 0, choices = {};
    var size = layouts.reduce(function (n, l) { return n + l.choices.length + (l.flag ? 1 : 0); }, 0);
    if (plaintext.length !== size) return null;
    for (var i = 0; i < layouts.length; i++) {
      var l = layouts[i], chosen = [];
      for (var o = 0; o < l.choices.length; o++) {
        var m = plaintext[at++];
        if (m > 1) return null;
        if (m === 1) chosen.push(l.choices[o]);
      }
      if (l.flag && plaintext[at++] !== (chosen.length === 0 ? 1 : 0)) return null;
      if (chosen.length === 0 ? !l.blank : chosen.length < l.min || chosen.length > l.max) return null;
      choices[l.id] = chosen;
    }
    return choices;
  }

  // §9.5: the QR link's query, each name once.
  function fields(text) {
    var query = String(text).trim(), mark = query.indexOf("?");
    query = mark >= 0 ? query.slice(mark + 1) : query;
    var found = {}, parts = query.split("#")[0].split("&");
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (eq < 0) return null;
      var name = decodeURIComponent(parts[i].slice(0, eq).replace(/\+/g, " "));
      if (Object.prototype.hasOwnProperty.call(found, name)) return null;
      try { found[name] = decodeURIComponent(parts[i].slice(eq + 1).replace(/\+/g, " ")); } catch (e) { return null; }
    }
    return found;
  }
  var CHECKED_FIELDS = ["b", "c", "check", "g", "n", "p", "s", "sig", "v", "w"];
  // A slip's QR text → {kind: "checked" | "cast", …} or {kind: "unreadable"}.
  function parse(text) {
    var f;
    try { f = fields(text); } catch (e) { f = null; }
    var bad = {kind: "unreadable"};
    if (f === null) return bad;
    if (f.check === "2") {
      if (Object.keys(f).sort().join() !== CHECKED_FIELDS.join() || !/^[1-9][0-9]{0,9}$/.test(f.w)) return bad;
      var slip = {kind: "checked", session: f.s, station: f.b, group: f.g, weight: Number(f.w), voter: f.v,
                  code: b64decode(f.c), nonce: b64decode(f.n), plaintext: b64decode(f.p), signature: b64decode(f.sig)};
      if (slip.weight >= 4294967296 || !sized(slip.code, 32) || !sized(slip.nonce, 32) || slip.plaintext === null
          || !sized(slip.signature, SIGNATURE_BYTES)) return bad;
      return slip;
    }
    if (f.r === "2" && f.s !== undefined && f.b !== undefined) {
      var cast = {kind: "cast", session: f.s, station: f.b, code: b64decode(f.c || ""), signature: b64decode(f.sig || "")};
      return sized(cast.code, 32) && sized(cast.signature, SIGNATURE_BYTES) ? cast : bad;
    }
    return bad;
  }
  function sized(b, n) { return b !== null && b.length === n; }

  // §9.4: the bytes the booth signed.
  function receiptMessage(e, slip, status) {
    var parts = [str("isoloir-receipt/2"), e.he, str(slip.session), slip.code, str(status)];
    if (status === "checked") parts.push(slip.nonce, bytes(slip.plaintext));
    return concat(parts);
  }
  async function signedByBooth(e, board, slip, status) {
    var key = board.booths[slip.station];
    if (key === undefined) return false;
    return G.edVerify(G.hexBytes(key), receiptMessage(e, slip, status), slip.signature, sha512);
  }

  function contextKnown(e, session, slip) { // as the booth's rules give a context (§5)
    var m = e.manifest;
    var has = function (list, id) { return (list || []).some(function (x) { return x.id === id; }); };
    return has(m.stations, slip.station)
      && (slip.group === "" || (!!session.counts_by_group && has(m.groups, slip.group)))
      && (session.mode === "recorded" ? has(m.voters, slip.voter) : slip.voter === "");
  }

  // §7.6: rebuild every ciphertext from ξ_B and the plaintext, then χ per question and the code.
  async function openedCode(e, session, slip) {
    var ctx = await H(e.he, TAG.CTX, [str("isoloir-ballot/2"), str(slip.session), str(slip.station),
                                      str(slip.group), int(slip.weight), str(slip.voter)]);
    var prefix = [digest(slip.nonce), digest(ctx), str("enc")], at = 0, digests = [];
    for (var qi = 0; qi < session.questions.length; qi++) {
      var l = layout(session.questions[qi]), parts = [digest(ctx), int(qi), e.keyBytes];
      for (var oi = 0; oi < l.choices.length + (l.flag ? 1 : 0); oi++) {
        var xi = await Hq(e.he, TAG.NONCE, prefix.concat([int(qi), int(oi), int(0)]));
        parts.push(elem(e.powG(xi)), elem(e.powK((xi + BigInt(slip.plaintext[at++])) % G.Q)));
      }
      digests.push(await H(e.he, TAG.DIGEST, parts));
    }
    return H(e.he, TAG.CODE, [digest(ctx)].concat(digests));
  }

  function listed(board, session, station, code, kind) {
    var codes = ((board[kind] || {})[session] || {})[station] || [];
    return codes.indexOf(b64encode(code)) >= 0;
  }

  // The verdict on a QR text. board = {booths: {station: Ed25519 key hex}, ballots / checked:
  // {session: {station: [codes]}}}; e = election(…). Verdict names are the page's message keys.
  async function check(e, board, text) {
    var slip = parse(text);
    if (slip.kind === "unreadable") return {verdict: "unreadable"};
    var out = {kind: slip.kind, session: slip.session, station: slip.station, shortCode: shortCode(slip.code)};
    if (!(await signedByBooth(e, board, slip, slip.kind))) return Object.assign(out, {verdict: "unsigned"});
    if (slip.kind === "cast") {
      if (listed(board, slip.session, slip.station, slip.code, "ballots")) return Object.assign(out, {verdict: "on_board"});
      var spoiled = listed(board, slip.session, slip.station, slip.code, "checked");
      return Object.assign(out, {verdict: spoiled ? "cast_but_checked" : "not_on_board"});
    }
    var session = (e.manifest.sessions || []).filter(function (s) { return s.id === slip.session; })[0];
    if (session === undefined || !contextKnown(e, session, slip)) return Object.assign(out, {verdict: "unknown_context"});
    var choices = choicesOf(session, slip.plaintext);
    if (choices === null) return Object.assign(out, {verdict: "invalid_choices"});
    out.choices = choices;
    if (!G.equalBytes(await openedCode(e, session, slip), slip.code)) return Object.assign(out, {verdict: "mismatch"});
    out.counted = listed(board, slip.session, slip.station, slip.code, "ballots"); // a checked code must never be
    return Object.assign(out, {verdict: out.counted ? "checked_but_counted" : "match"});
  }

  // The page's inlined data (station_admin/board_check/page.py): the manifest's bytes in base64,
  // the ceremony's public part, the booths' keys and the board's codes → [election, board].
  async function load(data) {
    var raw = atob(data.manifest), manifest = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) manifest[i] = raw.charCodeAt(i);
    var e = await election(manifest, data.ceremony);
    return [e, {booths: data.booths, ballots: data.ballots, checked: data.checked}];
  }

  return {
    load: load, H: H, Hq: Hq, TAG: TAG, int: int, str: str, bytes: bytes, concat: concat, b64decode: b64decode,
    b64encode: b64encode, hex: hex, shortCode: shortCode, election: election, choicesOf: choicesOf,
    parse: parse, receiptMessage: receiptMessage, openedCode: openedCode, check: check, sha512: sha512,
  };
})(typeof IsoloirGroup !== "undefined" ? IsoloirGroup : require("./group.js"));
if (typeof module !== "undefined") module.exports = IsoloirSlip;
