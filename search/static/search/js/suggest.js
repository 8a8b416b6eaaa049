/* Suggestions while typing in the search fields (progressive enhancement).
   Fills a <datalist> from the search page's JSON answer (?format=json&q=…);
   without JavaScript the fields work as they are. */
(function () {
  "use strict";
  if (!window.fetch || !document.querySelectorAll) return;
  var fields = document.querySelectorAll('form[role="search"][action$="/search/"] input[name="q"]');
  Array.prototype.forEach.call(fields, function (input, index) {
    var list = document.createElement("datalist");
    var timer = null;
    var asked = "";
    list.id = "search-suggestions-" + index;
    input.form.appendChild(list);
    input.setAttribute("list", list.id);
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var query = input.value.trim();
        if (query.length < 2 || query === asked) return;
        asked = query;
        var url = input.form.getAttribute("action") + "?format=json&q=" + encodeURIComponent(query);
        fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (input.value.trim() !== query) return;
            list.textContent = "";
            data.suggestions.forEach(function (suggestion) {
              var option = document.createElement("option");
              option.value = suggestion;
              list.appendChild(option);
            });
          })
          .catch(function () { asked = ""; });
      }, 250);
    });
  });
})();
