"""The few lines of browser JavaScript the app needs, attached with gr.HTML(js_on_load=...).

Each handler is attached once to its component's element and delegates by selector, so it keeps working
as gradio re-renders the HTML inside (a new turn, a filtered table). No user or corpus text is ever put
into these scripts: they read it from the escaped markup (data attributes) at click time.
"""

from __future__ import annotations

# Copy buttons (`button.pns-copy[data-copy]`): the clipboard API where the page is a secure context
# (loopback, https), else a hidden textarea and execCommand (plain http on a LAN); the button says
# "Copied" or "Select and copy by hand" so a failure is never silent.
COPY_JS = """
const pnsCopy = async (text) => {
  try {
    if (navigator.clipboard && window.isSecureContext) { await navigator.clipboard.writeText(text); return true; }
  } catch (e) { /* fall through to the textarea */ }
  const area = document.createElement('textarea');
  area.value = text; area.setAttribute('readonly', ''); area.style.position = 'fixed'; area.style.opacity = '0';
  document.body.appendChild(area); area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
  area.remove();
  return ok;
};
element.addEventListener('click', async (event) => {
  const button = event.target.closest('button.pns-copy');
  if (!button || !element.contains(button)) return;
  event.preventDefault();
  const label = button.querySelector('.pns-copy-label');
  const before = label ? label.textContent : '';
  const ok = await pnsCopy(button.dataset.copy || '');
  button.classList.toggle('pns-copied', ok);
  button.dataset.copied = ok ? 'yes' : 'no';
  if (label) label.textContent = ok ? 'Copied' : 'Copy failed: select the text and copy it by hand';
  setTimeout(() => { button.classList.remove('pns-copied'); if (label) label.textContent = before; }, 2000);
});
"""

# Opens the citation a marker points to and scrolls its highlighted quote into view.
MARKER_JS = """
element.addEventListener('click', (event) => {
  const marker = event.target.closest('a.pns-marker');
  if (!marker || !element.contains(marker)) return;
  event.preventDefault();
  const target = element.querySelector('#' + CSS.escape(marker.dataset.target || ''));
  if (!target) return;
  target.open = true;
  target.classList.add('pns-flash');
  setTimeout(() => target.classList.remove('pns-flash'), 1600);
  const mark = target.querySelector('mark') || target;
  mark.scrollIntoView({behavior: 'smooth', block: 'center'});
  const summary = target.querySelector('summary');
  if (summary) summary.focus({preventScroll: true});
});
// A cited source's page can be longer than its box: whenever a citation opens (by its number or its heading),
// scroll the box itself (not the page) so the highlighted passage sits in its middle. 'toggle' does not
// bubble, hence the capture phase.
element.addEventListener('toggle', (event) => {
  const cite = event.target;
  if (!(cite instanceof HTMLDetailsElement) || !cite.matches('details.pns-cite') || !cite.open) return;
  const box = cite.querySelector('blockquote.pns-passage');
  const mark = box && box.querySelector('mark');
  if (!mark || box.scrollHeight <= box.clientHeight) return;
  const top = mark.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTop = Math.max(0, top - Math.max(0, (box.clientHeight - mark.getBoundingClientRect().height) / 2));
}, true);
// When a new turn appears, bring its start into view (once per turn, not on every streamed update).
let pnsTurns = element.querySelectorAll('.pns-turn').length;
if (typeof watch === 'function') {
  watch('value', () => {
    const turns = element.querySelectorAll('.pns-turn');
    if (turns.length > pnsTurns) turns[turns.length - 1].scrollIntoView({block: 'start', behavior: 'smooth'});
    pnsTurns = turns.length;
  });
}
"""

TRANSCRIPT_JS = MARKER_JS + COPY_JS

# "Read" buttons in the references table (`button.pns-read[data-read]`): gradio's trigger() sends the reference
# id to the server as the table's click event, which opens that reference's indexed text in the reader.
READ_JS = """
element.addEventListener('click', (event) => {
  const button = event.target.closest('button.pns-read');
  if (!button || !element.contains(button)) return;
  event.preventDefault();
  trigger('click', {reference_id: button.dataset.read || ''});
});
"""
TABLE_JS = COPY_JS + READ_JS
# After the reader changes page or reference: bring its heading into view (the table above can be long).
SHOW_READER_JS = "() => { const r = document.querySelector('#pns-reader'); if (r) r.scrollIntoView({block: 'start'}); }"

# A live count under the question box, so a question over the limit is visibly too long before it is sent
# (the server still decides: the assistant's input check answers with the exact reason). __LIMIT__ is
# replaced by settings.answer.max_question_chars.
COUNTER_JS = """
const pnsLimit = __LIMIT__;
const pnsShow = () => {
  const box = document.querySelector('#pns-question textarea');
  const out = element.querySelector('.pns-count');
  if (!box || !out) return;
  const n = box.value.trim().length;
  const over = n > pnsLimit;
  out.classList.toggle('pns-over', over);
  out.dataset.over = over ? 'yes' : 'no';
  if (over) {
    out.textContent = `${n.toLocaleString('en')} of ${pnsLimit.toLocaleString('en')} characters: too long to send. ` +
      'Shorten it to the part you want answered; nothing is cut off for you.';
  } else {
    out.textContent = n >= pnsLimit * 0.8 ? `${n.toLocaleString('en')} of ${pnsLimit.toLocaleString('en')} characters` : '';
  }
};
document.addEventListener('input', (event) => {
  if (!event.target.closest('#pns-question')) return;
  const sent = document.querySelector('#pns-input-note .pns-note');  // about the text as sent: editing answers it
  if (sent) sent.remove();
  pnsShow();
});
document.addEventListener('pns-question-changed', pnsShow);
pnsShow();
"""


def counter_js(limit: int) -> str:
    """The question box's character counter script, with the input limit filled in."""
    return COUNTER_JS.replace("__LIMIT__", str(int(limit)))
