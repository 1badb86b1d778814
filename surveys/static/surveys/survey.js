/* Survey section pages: show or hide questions with a display condition, and save the draft in
 * the background to the section's JSON endpoint (the form's data-autosave-url). The page works
 * fully without this file: the Save buttons post the form. */
(function () {
  "use strict";

  function chosenValues(form, questionId) {
    var inputs = form.querySelectorAll('[name="q' + questionId + '"]');
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.value) values.push(input.value);
    });
    return values;
  }

  function applyConditions(form) {
    form.querySelectorAll("[data-condition-question]").forEach(function (block) {
      var controlling = form.querySelector("#question-" + block.dataset.conditionQuestion);
      var values = chosenValues(form, block.dataset.conditionQuestion);
      var shown;
      if (controlling && controlling.hidden) {
        shown = false;
      } else if (block.dataset.conditionYes) {
        shown = values.indexOf(block.dataset.conditionYes) !== -1;
      } else {
        var wanted = (block.dataset.conditionOptions || "").split(",");
        shown = values.some(function (value) { return wanted.indexOf(value) !== -1; });
      }
      block.hidden = !shown;
    });
  }

  // "Draft saved automatically at {time}." with the time filled in. A time that ends with an
  // abbreviation ("6:57 a.m.") ends the sentence too: one full stop, not two.
  function sentence(template, time) {
    return template.replace("{time}", time).replace(/\.\.$/, ".");
  }

  function setStatus(form, text, link) {
    var status = form.querySelector("#autosave-status");
    if (!status) return;
    status.textContent = text;
    if (link) {
      status.appendChild(document.createTextNode(" "));
      var anchor = document.createElement("a");
      anchor.href = link;
      anchor.textContent = form.dataset.msgConflictLink;
      status.appendChild(anchor);
    }
  }

  function autosave(form) {
    var timer = null;
    var stopped = false;
    var versionInput = form.querySelector('input[name="version"]');

    function save() {
      if (stopped) return;
      var data = new FormData(form);
      setStatus(form, form.dataset.msgSaving);
      fetch(form.dataset.autosaveUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken"), "Accept": "application/json" }
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (result) {
        if (result.status === 200) {
          versionInput.value = result.body.version;
          setStatus(form, sentence(form.dataset.msgSaved, result.body.saved_at));
        } else if (result.status === 409) {
          stopped = true;
          setStatus(form, result.body.message, result.body.conflict_url);
        } else if (result.status === 400) {
          setStatus(form, form.dataset.msgInvalid);
        } else {
          stopped = true;
          setStatus(form, result.body.message || form.dataset.msgFailed);
        }
      }).catch(function () {
        setStatus(form, form.dataset.msgFailed);
      });
    }

    function schedule() {
      if (stopped) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 2500);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("submit", function () {
      stopped = true;
      window.clearTimeout(timer);
    });
  }

  document.querySelectorAll("form.survey-form").forEach(function (form) {
    applyConditions(form);
    form.addEventListener("change", function () { applyConditions(form); });
    if (form.dataset.autosaveUrl) autosave(form);
  });
})();
