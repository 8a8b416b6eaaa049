/* "Écouter la fiche": reads the sheet aloud with the browser's own speech synthesis.
   The button appears only where the browser can speak; without it the page is the same. */
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var slot = document.querySelector("[data-listen-slot]");
  var sheet = document.querySelector("[data-listen]");
  if (!synth || !window.SpeechSynthesisUtterance || !slot || !sheet) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = "button-secondary listen-button";
  button.setAttribute("aria-pressed", "false");
  button.textContent = slot.getAttribute("data-play");

  function frenchVoice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (/^fr(-|_|$)/i.test(voices[i].lang)) return voices[i];
    }
    return null;
  }

  function chunks() {
    var parts = [];
    var nodes = sheet.querySelectorAll("h1, h2, p, li, dt, dd");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node.closest(".print-only, .no-print, li li")) continue;
      var text = node.textContent.replace(/\s+/g, " ").trim();
      if (text) parts.push(text);
    }
    return parts;
  }

  function stop() {
    synth.cancel();
    button.textContent = slot.getAttribute("data-play");
    button.setAttribute("aria-pressed", "false");
  }

  button.addEventListener("click", function () {
    if (button.getAttribute("aria-pressed") === "true") {
      stop();
      return;
    }
    synth.cancel();
    var parts = chunks();
    var voice = frenchVoice();
    parts.forEach(function (text, index) {
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = "fr-FR";
      utterance.rate = 0.9;
      if (voice) utterance.voice = voice;
      if (index === parts.length - 1) utterance.onend = stop;
      utterance.onerror = stop;
      synth.speak(utterance);
    });
    button.textContent = slot.getAttribute("data-stop");
    button.setAttribute("aria-pressed", "true");
  });

  window.addEventListener("pagehide", function () { synth.cancel(); });
  slot.appendChild(button);
  slot.hidden = false;
})();
