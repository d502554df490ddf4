// Detecta web page: the "paste the note" box. Reads a clinical note through POST /api/v1/extract, highlights
// each finding in the text, lets the clinician untick or correct it, then adds the ticked findings (present →
// observed, absent → excluded) to the form and ranks. Uses app.js's $, t, api, guarded, requireConsent,
// putFinding, renderChips.
'use strict';

Object.assign(TEXT.es, {
  noteTitle: 'Pegar la nota clínica', noteLabel: 'Nota clínica (español o inglés)',
  noteHelp: 'Se leen los hallazgos con su estado (presente, ausente, dudoso, familiar). Revise cada uno antes de ordenar.',
  noteExtract: 'Leer la nota', noteRank: 'Usar los marcados y ordenar', noteEmpty: 'Pegue el texto de una nota.',
  noteNone: 'No se encontró ningún hallazgo en la nota.', noteNoPresent: 'Marque al menos un hallazgo presente.',
  noteLanguage: 'Idioma detectado: ', noteStatus: 'Estado de', noteUse: 'Usar',
  status_present: 'presente', status_absent: 'ausente', status_uncertain: 'dudoso', status_family: 'familiar',
  lang_es: 'español', lang_en: 'inglés'
});
Object.assign(TEXT.en, {
  noteTitle: 'Paste the clinical note', noteLabel: 'Clinical note (Spanish or English)',
  noteHelp: 'Findings are read with their status (present, absent, uncertain, family). Check each one before ranking.',
  noteExtract: 'Read the note', noteRank: 'Use the ticked findings and rank', noteEmpty: 'Paste the text of a note.',
  noteNone: 'No finding was found in the note.', noteNoPresent: 'Tick at least one present finding.',
  noteLanguage: 'Detected language: ', noteStatus: 'Status of', noteUse: 'Use',
  status_present: 'present', status_absent: 'absent', status_uncertain: 'uncertain', status_family: 'family',
  lang_es: 'Spanish', lang_en: 'English'
});

const STATUSES = ['present', 'absent', 'uncertain', 'family'];
const note = { text: '', language: null, findings: [] }; // findings: {start,end,text,hpoId,label,status,use}

async function onNoteExtract() {
  const error = $('note-error');
  error.textContent = '';
  const text = $('note-text').value;
  if (!requireConsent(error)) { return; }
  if (!text.trim()) { error.textContent = t('noteEmpty'); $('note-text').focus(); return; }
  await guarded(error, $('note-extract'), async () => {
    const data = await api('POST', '/api/v1/extract', { consent: true, text, lang: 'auto' });
    note.text = text;
    note.language = data.language;
    note.findings = data.findings.map((f) => ({ ...f, use: f.status === 'present' || f.status === 'absent' }));
    renderNote();
    if (!note.findings.length) { error.textContent = t('noteNone'); }
  });
}

// The note with a <mark> per finding (overlapping spans: the first one wins the highlight, all stay listed).
function renderHighlight() {
  const box = $('note-highlight');
  box.replaceChildren();
  let cursor = 0;
  note.findings.forEach((f, i) => {
    if (f.start < cursor) { return; }
    box.appendChild(document.createTextNode(note.text.slice(cursor, f.start)));
    const mark = document.createElement('mark');
    mark.className = 'st-' + f.status + (f.use ? '' : ' unused');
    mark.dataset.index = String(i);
    mark.title = f.label + ' (' + f.hpoId + ') · ' + t('status_' + f.status);
    mark.textContent = note.text.slice(f.start, f.end);
    box.appendChild(mark);
    cursor = f.end;
  });
  box.appendChild(document.createTextNode(note.text.slice(cursor)));
}

function renderNote() {
  $('note-review').hidden = note.language === null;
  if (note.language === null) { return; }
  $('note-language').textContent = t('noteLanguage') + t('lang_' + note.language);
  renderHighlight();
  const list = $('note-findings');
  list.replaceChildren();
  note.findings.forEach((f, i) => {
    const li = document.createElement('li');
    li.dataset.index = String(i);
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = f.use;
    box.className = 'note-use';
    box.setAttribute('aria-label', t('noteUse') + ': ' + f.label);
    box.addEventListener('change', () => { f.use = box.checked; renderHighlight(); });
    const name = document.createElement('span');
    name.className = 'note-label';
    name.textContent = f.label;
    const id = document.createElement('span');
    id.className = 'cand-id';
    id.textContent = ' ' + f.hpoId + ' · «' + f.text + '»';
    label.append(box, ' ', name, id);
    const select = document.createElement('select');
    select.className = 'note-status';
    select.setAttribute('aria-label', t('noteStatus') + ' ' + f.label);
    STATUSES.forEach((s) => {
      const o = document.createElement('option');
      o.value = s; o.textContent = t('status_' + s); o.selected = s === f.status;
      select.appendChild(o);
    });
    select.addEventListener('change', () => {
      f.status = select.value;
      f.use = f.status === 'present' || f.status === 'absent';
      box.checked = f.use;
      renderHighlight();
    });
    li.append(label, select);
    list.appendChild(li);
  });
}

// Ticked present findings → observed, ticked absent ones → excluded (uncertain and family are never sent).
function onNoteRank() {
  const error = $('note-error');
  error.textContent = '';
  const used = note.findings.filter((f) => f.use && (f.status === 'present' || f.status === 'absent'));
  if (!used.some((f) => f.status === 'present')) { error.textContent = t('noteNoPresent'); return; }
  for (const f of used) {
    putFinding(f.status === 'present' ? 'observed' : 'excluded', f.hpoId, f.label);
  }
  renderChips();
  $('diagnose-form').requestSubmit();
}

document.addEventListener('DOMContentLoaded', () => {
  $('note-extract').addEventListener('click', onNoteExtract);
  $('note-rank').addEventListener('click', onNoteRank);
  document.addEventListener('detecta:lang', renderNote);
});
