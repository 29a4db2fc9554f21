// The check page's screen: reads the QR text (the link the phone opened, the box, or the camera
// through BarcodeDetector where the browser has it), runs IsoloirSlip.check and says the verdict in
// the page's language. window.CHECK_DATA, CHECK_WORDS, GOOD_VERDICTS come inlined in the page.
(function () {
  "use strict";
  var data = window.CHECK_DATA, all = window.CHECK_WORDS;
  var asked = new URLSearchParams(location.search).get("lang");
  var lang = [asked, (navigator.language || "").slice(0, 2), data.languages[0], "en"]
    .filter(function (l) { return l && all[l]; })[0];
  var words = all[lang];
  var $ = function (id) { return document.getElementById(id); };
  var loaded = IsoloirSlip.load(data);

  function text(value) { return value[lang] || value.en || Object.values(value)[0] || ""; }
  function fill(template, result, manifest) {
    var session = (manifest.sessions || []).filter(function (s) { return s.id === result.session; })[0];
    return template.replace("{code}", result.shortCode || "")
      .replace("{session}", session ? text(session.title) : result.session || "")
      .replace("{station}", result.station || "");
  }
  function element(tag, content, className) {
    var node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
  }
  function choiceLines(result, manifest) { // one line a question: its title and what the slip claims
    var session = manifest.sessions.filter(function (s) { return s.id === result.session; })[0];
    var list = document.createElement("ul");
    session.questions.forEach(function (q) {
      var items = q.kind === "list" ? q.lists : q.options, chosen = result.choices[q.id] || [];
      var labels = chosen.map(function (id) { return text(items.filter(function (o) { return o.id === id; })[0].label); });
      var item = document.createElement("li");
      item.appendChild(element("span", text(q.title) + words.colon, "question"));
      item.appendChild(element("strong", labels.length ? labels.join(", ") : words.blank));
      list.appendChild(item);
    });
    return list;
  }
  function show(result, manifest) {
    var box = $("verdict");
    box.textContent = "";
    box.dataset.verdict = result.verdict;
    var good = window.GOOD_VERDICTS.indexOf(result.verdict) >= 0;
    box.className = good ? "good" : window.NEUTRAL_VERDICTS.indexOf(result.verdict) >= 0 ? "neutral" : "bad";
    if (result.shortCode) box.appendChild(element("p", fill(words.code, result, manifest), "code"));
    box.appendChild(element("p", words[result.verdict], "said"));
    if (result.choices && (result.verdict === "match" || result.verdict === "checked_but_counted")) {
      box.appendChild(choiceLines(result, manifest));
      if (result.verdict === "match") box.appendChild(element("p", words.match_after));
    }
  }
  async function run(qr) {
    var box = $("verdict");
    box.className = "neutral"; box.dataset.verdict = "working"; box.textContent = words.working;
    try {
      var pair = await loaded;
      show(await IsoloirSlip.check(pair[0], pair[1], qr), pair[0].manifest);
    } catch (error) {
      box.className = "bad"; box.dataset.verdict = "broken"; box.textContent = words.broken;
    }
  }

  var camera = null;
  async function scan() {
    if (camera) { stop(); return; }
    try {
      var detector = new BarcodeDetector({formats: ["qr_code"]});
      var stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: "environment"}});
      var video = $("video");
      camera = stream; video.srcObject = stream; video.hidden = false; await video.play();
      $("camera").textContent = words.stop;
      var look = async function () {
        if (camera !== stream) return;
        var found = await detector.detect(video).catch(function () { return []; });
        if (found.length) { stop(); $("qr").value = found[0].rawValue; run(found[0].rawValue); return; }
        requestAnimationFrame(look);
      };
      look();
    } catch (error) {
      stop(); $("verdict").className = "neutral"; $("verdict").textContent = words.no_camera;
    }
  }
  function stop() {
    if (camera) camera.getTracks().forEach(function (t) { t.stop(); });
    camera = null; $("video").hidden = true; $("camera").textContent = words.camera;
  }

  document.documentElement.lang = lang;
  ["title", "intro", "label", "button", "board"].forEach(function (id) {
    var node = $("w-" + id);
    if (node) node.textContent = words[id];
  });
  document.title = words.title;
  $("camera").textContent = words.camera;
  if ("BarcodeDetector" in window && navigator.mediaDevices) $("camera").hidden = false;
  $("camera").addEventListener("click", scan);
  $("form").addEventListener("submit", function (event) { event.preventDefault(); run($("qr").value); });
  // The language links keep the slip being read (a voter who switches language keeps her verdict).
  var kept = location.search.replace(/^\?/, "").split("&").filter(function (p) { return p && p.indexOf("lang=") !== 0; });
  Array.prototype.forEach.call(document.querySelectorAll("nav a[hreflang]"), function (a) {
    a.href = "?" + kept.concat(["lang=" + a.hreflang]).join("&");
  });
  // A slip's QR link opened this page: check it at once (without a ?lang= the reader added).
  var query = new URLSearchParams(location.search);
  if (query.has("check") || query.has("r")) {
    var link = location.href.split("#")[0].replace(/([?&])lang=[a-z]*(&|$)/, function (all, before, after) {
      return after ? before : "";
    });
    $("qr").value = link; run(link);
  }
})();
