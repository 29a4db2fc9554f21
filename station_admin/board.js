// The public board's search: reads ?code= (the receipt's QR) or the box, normalises look-alikes
// as the booth does, and says whether the code is among the counted ballots.
(function () {
  // A checked slip's or a signed receipt's QR link (docs/e2e-spec.md §9.5) goes on to the check page,
  // which checks it on this device; a bare ?code= is answered here.
  var query = new URLSearchParams(window.location.search);
  if (window.CHECK_PAGE && (query.has("check") || query.has("r"))) {
    window.location.replace(window.CHECK_PAGE + window.location.search); return;
  }
  var codes = new Set(window.TRACKING_CODES);
  var words = window.SEARCH_WORDS;
  var lookalike = {I: "1", L: "1", O: "0", U: "V"};
  function normalise(text) {
    var plain = text.toUpperCase().replace(/[ILOU]/g, function (c) { return lookalike[c]; })
      .replace(/[^0-9A-Z]/g, "");
    return plain.match(/.{1,4}/g) ? plain.match(/.{1,4}/g).join("-") : "";
  }
  function check(text) {
    var result = document.getElementById("search-result");
    var code = normalise(text);
    if (!code) { result.textContent = ""; result.removeAttribute("data-found"); return; }
    var found = codes.has(code);
    result.setAttribute("data-found", found ? "yes" : "no");
    result.textContent = (found ? words.found : words.missing).replace("{code}", code);
  }
  var box = document.getElementById("code");
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault(); check(box.value);
    history.replaceState(null, "", "?code=" + encodeURIComponent(normalise(box.value)));
  });
  var given = new URLSearchParams(window.location.search).get("code");
  if (given) { box.value = given; check(given); }
})();
