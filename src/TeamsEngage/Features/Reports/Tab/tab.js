// The dashboard's personal tab in Teams: asks Teams for the signed-in person's token, trades it for a dashboard
// session, and opens the reports in the tab. The page's paragraphs (data-state) say what happened otherwise.
(() => {
  "use strict";

  // The Teams library checks the page that hosts the tab against a list of Teams' addresses it ships with, and first
  // asks another host for a newer copy of that list. The dashboard sends nothing to another host: that request is
  // answered here as failed before it leaves, and the library keeps the list it shipped with.
  const originListAddress = "https://res.cdn.office.net/";
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const address = typeof input === "string" ? input : input instanceof Request ? input.url : String(input);
    return address.startsWith(originListAddress)
      ? Promise.reject(new TypeError("The dashboard loads nothing from another host."))
      : pageFetch(input, init);
  };

  const show = (state) => {
    for (const paragraph of document.querySelectorAll("[data-state]")) {
      paragraph.hidden = paragraph.dataset.state !== state;
    }
  };

  const withinSeconds = (seconds, promise) => Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error("Teams did not answer.")), seconds * 1000)),
  ]);

  async function signIn() {
    const teams = window.microsoftTeams;
    let token;
    try {
      await withinSeconds(10, teams.app.initialize());
      token = await withinSeconds(30, teams.authentication.getAuthToken());
    } catch {
      show("outside");
      return;
    }
    const response = await pageFetch("/reports/tab/signin", {
      method: "POST",
      headers: { Authorization: "Bearer " + token },
      credentials: "same-origin",
    });
    if (response.ok) {
      window.location.replace(document.body.dataset.next);
      return;
    }
    show("refused");
  }

  document.addEventListener("DOMContentLoaded", () => {
    signIn().catch(() => show("refused"));
  });
})();
