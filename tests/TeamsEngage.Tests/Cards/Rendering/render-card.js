// Renders one Adaptive Card with the official renderer (window.AdaptiveCards) into #chat and reports what happened.
// Teams renders a subset of Markdown in TextBlocks; the renderer needs a processor for it, so a small one is given here.
window.renderCard = (card, hostConfig) => {
  const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const inline = (text) => escape(text)
    .replace(/\\([\\`*_{}\[\]()#+\-.!>])/g, (_, c) => `&#${c.charCodeAt(0)};`)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>');
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const html = [];
    let list = null;
    for (const line of text.split(/\r?\n/)) {
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
      const kind = bullet ? "ul" : numbered ? "ol" : null;
      if (list && kind !== list) { html.push(`</${list}>`); list = null; }
      if (kind && !list) { html.push(`<${kind}>`); list = kind; }
      if (kind) html.push(`<li>${inline((bullet || numbered)[1])}</li>`);
      else if (line.trim() !== "") html.push(`<p>${inline(line)}</p>`);
    }
    if (list) html.push(`</${list}>`);
    result.outputHtml = html.join("");
    result.didProcess = true;
  };
  const chat = document.getElementById("chat");
  chat.innerHTML = "";
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  const context = new AdaptiveCards.SerializationContext();
  adaptive.parse(card, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(`${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
  }
  const validation = adaptive.validateProperties();
  for (const e of validation.validationEvents) events.push(`${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
  const root = adaptive.render();
  if (!root) return { events: [...events, "the renderer produced no element"] };
  chat.appendChild(root);
  const visible = (el) => el.offsetParent !== null && getComputedStyle(el).visibility !== "hidden";
  const buttons = [...root.querySelectorAll("button.ac-pushButton")].filter(visible);
  const wide = [...root.querySelectorAll("*")].filter(visible).filter(el => el.getBoundingClientRect().right > root.getBoundingClientRect().right + 1);
  return {
    events,
    text: root.innerText,
    buttons: buttons.map(b => b.innerText.trim()),
    clippedButtons: buttons.filter(b => [b, ...b.querySelectorAll("*")].some(e => e.scrollWidth > e.clientWidth + 1)).map(b => b.innerText.trim()),
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    sticksOut: wide.slice(0, 5).map(el => `${el.className || el.tagName}: ${(el.innerText || "").slice(0, 40)}`),
  };
};
