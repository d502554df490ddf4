// Detecta web page: plain JS, no framework. Spanish by default; all text comes from TEXT below.
'use strict';

const TEXT = {
  es: {
    skip: 'Saltar al contenido', tagline: 'Diagnóstico diferencial de enfermedades comunes y raras',
    policyTitle: 'Política de uso de datos',
    policyText: 'Detecta es una ayuda para profesionales sanitarios y no sustituye el juicio clínico. Si acepta, los hallazgos que envíe, el resultado y la versión del modelo se guardan con un identificador seudónimo (sin nombre ni datos de contacto) para vigilar la calidad del modelo, durante el periodo de retención configurado, y pueden borrarse a petición. Sin su aceptación no se envía ni se guarda nada.',
    consentLabel: 'He leído y acepto la política de uso de datos', formTitle: 'Hallazgos del paciente',
    searchLabel: 'Buscar síntoma o signo', searchHelp: 'Escriba al menos 2 letras; flechas para elegir, Intro para añadir.',
    modeLegend: 'Añadir como', present: 'Presente', absent: 'Ausente', presentFindings: 'Presentes', absentFindings: 'Ausentes',
    age: 'Edad (años)', sex: 'Sexo', sexUnknown: 'No indicado', sexFemale: 'Mujer', sexMale: 'Hombre', sexOther: 'Otro',
    model: 'Modelo', diagnose: 'Obtener diferencial', results: 'Diagnóstico diferencial', nextQuestions: 'Preguntas sugeridas',
    apiLink: 'Documentación de la API', consentMissing: 'Debe aceptar la política de uso de datos antes de enviar.',
    noFindings: 'Añada al menos un hallazgo presente.', remove: 'Quitar', evidence: 'Evidencia',
    rare: 'rara', common: 'común', confirm: 'Confirmar este diagnóstico', confirmed: 'Diagnóstico confirmado: gracias.',
    unrecognised: 'No reconocidos (ignorados): ', error: 'Error: ', noCandidates: 'Ningún candidato.',
    notStored: 'La predicción no se pudo guardar; la confirmación no está disponible.', langButton: 'English',
    langAria: 'Switch to English', probability: 'probabilidad', similarCases: 'Casos publicados parecidos: ',
    similarity: 'similitud', unlisted: 'Probabilidad de una enfermedad que el modelo no conoce: '
  },
  en: {
    skip: 'Skip to content', tagline: 'Differential diagnosis of common and rare diseases',
    policyTitle: 'Data-use policy',
    policyText: 'Detecta supports health professionals and does not replace clinical judgement. If you accept, the findings you send, the result and the model version are stored under a pseudonymous id (no name or contact details) to monitor the model\'s quality, for the configured retention period, and can be deleted on request. Without your acceptance nothing is sent or stored.',
    consentLabel: 'I have read and accept the data-use policy', formTitle: 'Patient findings',
    searchLabel: 'Search a symptom or sign', searchHelp: 'Type at least 2 letters; arrows to choose, Enter to add.',
    modeLegend: 'Add as', present: 'Present', absent: 'Absent', presentFindings: 'Present', absentFindings: 'Absent',
    age: 'Age (years)', sex: 'Sex', sexUnknown: 'Not given', sexFemale: 'Female', sexMale: 'Male', sexOther: 'Other',
    model: 'Model', diagnose: 'Get differential', results: 'Differential diagnosis', nextQuestions: 'Suggested questions',
    apiLink: 'API documentation', consentMissing: 'You must accept the data-use policy before submitting.',
    noFindings: 'Add at least one present finding.', remove: 'Remove', evidence: 'Evidence',
    rare: 'rare', common: 'common', confirm: 'Confirm this diagnosis', confirmed: 'Diagnosis confirmed: thank you.',
    unrecognised: 'Not recognised (ignored): ', error: 'Error: ', noCandidates: 'No candidates.',
    notStored: 'The prediction could not be stored; confirmation is unavailable.', langButton: 'Español',
    langAria: 'Cambiar a español', probability: 'probability', similarCases: 'Similar published cases: ',
    similarity: 'similarity', unlisted: 'Probability of a disease the model does not know: '
  }
};

const state = { lang: 'es', observed: [], excluded: [], suggestions: [], active: -1, last: null };
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key];

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  $('lang-toggle').textContent = t('langButton');
  $('lang-toggle').setAttribute('aria-label', t('langAria'));
  renderChips();
  if (state.last) { renderResults(state.last); }
  document.dispatchEvent(new Event('detecta:lang'));
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const response = await fetch(path, init);
  const data = response.status === 204 ? {} : await response.json();
  if (!response.ok) {
    const fields = (data.fields || []).map((f) => f.field + ': ' + f.problem).join('; ');
    throw new Error((data.detail || response.statusText) + (fields ? ' (' + fields + ')' : ''));
  }
  return data;
}

// Runs `action` (with `button`, if given, disabled meanwhile) and shows a failure in the `error` element.
async function guarded(error, button, action) {
  if (button) { button.disabled = true; }
  try {
    await action();
  } catch (e) {
    error.textContent = t('error') + e.message;
  } finally {
    if (button) { button.disabled = false; }
  }
}

// Nothing is sent before the data-use policy is accepted: says so in `error` and returns false.
function requireConsent(error) {
  if ($('consent').checked) { return true; }
  error.textContent = t('consentMissing');
  $('consent').focus();
  return false;
}

// The patient part of a diagnose or interview request: the findings of the form, sex, age, model, language.
function patientBody(top) {
  const body = {
    consent: true, observed: state.observed.map((f) => f.id), excluded: state.excluded.map((f) => f.id),
    sex: $('sex').value, lang: state.lang, top
  };
  const age = $('age').value;
  if (age !== '') { body.age = Number(age); }
  if ($('model').value) { body.model = $('model').value; }
  return body;
}

// A probability as shown on the page: "12.3 %".
const percent = (p) => (p * 100).toFixed(1) + ' %';

// ---- autocomplete (combobox pattern) ----
let searchTimer = null;
function onSearchInput() {
  clearTimeout(searchTimer);
  const q = $('symptom-input').value.trim();
  if (q.length < 2) { closeSuggestions(); return; }
  searchTimer = setTimeout(async () => {
    try {
      state.suggestions = await api('GET', '/api/v1/terms?limit=8&lang=' + state.lang + '&q=' + encodeURIComponent(q));
      state.active = state.suggestions.length ? 0 : -1;
      renderSuggestions();
    } catch (e) { closeSuggestions(); }
  }, 120);
}

function renderSuggestions() {
  const list = $('suggestions');
  list.replaceChildren();
  state.suggestions.forEach((s, i) => {
    const li = document.createElement('li');
    li.id = 'sugg-' + i;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(i === state.active));
    li.textContent = s.label;
    const src = document.createElement('span');
    src.className = 'src';
    src.textContent = s.id.startsWith('HP:') ? s.id : s.source;
    li.appendChild(src);
    li.addEventListener('mousedown', (ev) => { ev.preventDefault(); addFinding(s); });
    list.appendChild(li);
  });
  const open = state.suggestions.length > 0;
  list.hidden = !open;
  $('symptom-input').setAttribute('aria-expanded', String(open));
  if (state.active >= 0) { $('symptom-input').setAttribute('aria-activedescendant', 'sugg-' + state.active); }
}

function closeSuggestions() {
  state.suggestions = []; state.active = -1;
  $('suggestions').hidden = true;
  $('symptom-input').setAttribute('aria-expanded', 'false');
  $('symptom-input').removeAttribute('aria-activedescendant');
}

function onSearchKey(ev) {
  if (ev.key === 'ArrowDown' && state.suggestions.length) {
    state.active = (state.active + 1) % state.suggestions.length; renderSuggestions(); ev.preventDefault();
  } else if (ev.key === 'ArrowUp' && state.suggestions.length) {
    state.active = (state.active - 1 + state.suggestions.length) % state.suggestions.length; renderSuggestions(); ev.preventDefault();
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    const text = $('symptom-input').value.trim();
    if (state.active >= 0) { addFinding(state.suggestions[state.active]); } else if (text) { addFinding({ id: text, label: text }); }
  } else if (ev.key === 'Escape') { closeSuggestions(); }
}

// Puts a finding in `kind` ('observed' or 'excluded'), taking it out of the other list; the chips are not redrawn.
function putFinding(kind, id, label) {
  const other = kind === 'observed' ? 'excluded' : 'observed';
  state[other] = state[other].filter((f) => f.id !== id);
  if (!state[kind].some((f) => f.id === id)) { state[kind].push({ id, label }); }
}

function addFinding(s) {
  putFinding(document.querySelector('input[name=mode]:checked').value, s.id, s.label);
  $('symptom-input').value = '';
  closeSuggestions();
  renderChips();
  $('symptom-input').focus();
}

function renderChips() {
  for (const kind of ['observed', 'excluded']) {
    const list = $(kind + '-list');
    list.replaceChildren();
    state[kind].forEach((f) => {
      const li = document.createElement('li');
      li.textContent = f.label;
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.textContent = '×';
      rm.setAttribute('aria-label', t('remove') + ' ' + f.label);
      rm.addEventListener('click', () => { state[kind] = state[kind].filter((x) => x.id !== f.id); renderChips(); });
      li.appendChild(rm);
      list.appendChild(li);
    });
  }
}

// ---- diagnosis ----
async function onSubmit(ev) {
  ev.preventDefault();
  const error = $('form-error');
  error.textContent = '';
  if (!requireConsent(error)) { return; }
  if (!state.observed.length) { error.textContent = t('noFindings'); $('symptom-input').focus(); return; }
  await guarded(error, $('diagnose-btn'), async () => {
    state.last = await api('POST', '/api/v1/diagnose', patientBody(10));
    renderResults(state.last);
    $('results-title').focus();
  });
}

function renderResults(result) {
  $('results').hidden = false;
  $('results-title').tabIndex = -1;
  $('feedback-status').textContent = result.predictionId ? '' : t('notStored');
  $('unrecognised').textContent = result.unrecognised.length ? t('unrecognised') + result.unrecognised.join(', ') : '';
  // the rare engine's calibrated "none of these": the listed probabilities leave it this share
  $('unlisted').textContent = result.unlisted > 0 ? t('unlisted') + percent(result.unlisted) : '';
  const list = $('candidates');
  list.replaceChildren();
  if (!result.candidates.length) { list.textContent = t('noCandidates'); }
  result.candidates.forEach((c) => {
    const li = document.createElement('li');
    li.className = 'candidate';
    const head = document.createElement('div');
    head.className = 'cand-head';
    const name = document.createElement('span'); name.className = 'cand-name'; name.textContent = c.name;
    const id = document.createElement('span'); id.className = 'cand-id'; id.textContent = c.id;
    const badge = document.createElement('span'); badge.className = 'badge ' + c.kind; badge.textContent = t(c.kind);
    const pct = percent(c.probability);
    const prob = document.createElement('span'); prob.className = 'prob'; prob.textContent = pct;
    head.append(name, id, badge, prob);
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', t('probability') + ' ' + pct);
    const fill = document.createElement('div');
    fill.style.width = Math.max(0.5, c.probability * 100).toFixed(1) + '%';
    bar.appendChild(fill);
    const details = document.createElement('details');
    const summary = document.createElement('summary'); summary.textContent = t('evidence') + ' (' + c.evidence.length + ')';
    const evList = document.createElement('ul');
    c.evidence.forEach((e) => {
      const item = document.createElement('li');
      const sign = e.contribution >= 0 ? '+' : '−';
      item.textContent = e.finding + (e.feature && e.feature !== e.finding ? ' → ' + e.feature : '') + ' · ' + e.match
        + ' · ' + sign + Math.abs(e.contribution).toFixed(2);
      evList.appendChild(item);
    });
    details.append(summary, evList);
    const similar = c.similarCases || [];
    if (similar.length) { // the training cases behind a rare candidate, each linked to its publication
      const cases = document.createElement('p');
      cases.className = 'similar-cases';
      cases.append(t('similarCases'));
      similar.forEach((sc, i) => {
        const pmid = /^PMID:(\d+)$/.exec(sc.publication || '');
        const label = (sc.publication || sc.caseId) + ' (' + t('similarity') + ' ' + Number(sc.similarity).toFixed(2) + ')';
        const node = pmid ? document.createElement('a') : document.createElement('span');
        if (pmid) { node.href = 'https://pubmed.ncbi.nlm.nih.gov/' + pmid[1] + '/'; node.target = '_blank'; node.rel = 'noopener noreferrer'; }
        node.textContent = label;
        node.title = sc.caseId;
        cases.append(i ? ', ' : '', node);
      });
      details.appendChild(cases);
    }
    li.append(head, bar, details);
    if (result.predictionId) {
      const confirm = document.createElement('button');
      confirm.type = 'button'; confirm.className = 'confirm-btn';
      confirm.textContent = t('confirm');
      confirm.setAttribute('aria-label', t('confirm') + ': ' + c.name);
      confirm.addEventListener('click', () => sendFeedback(result.predictionId, c.id));
      li.appendChild(confirm);
    }
    list.appendChild(li);
  });
  const questions = result.nextQuestions || [];
  $('questions-box').hidden = questions.length === 0;
  const qList = $('next-questions');
  qList.replaceChildren();
  questions.forEach((q) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = (q.text || q.label || q.id || String(q));
    b.addEventListener('click', () => { addFinding({ id: q.id || String(q), label: b.textContent }); $('diagnose-form').requestSubmit(); });
    li.appendChild(b);
    qList.appendChild(li);
  });
}

async function sendFeedback(predictionId, diseaseId) {
  await guarded($('feedback-status'), null, async () => {
    await api('POST', '/api/v1/feedback', { predictionId, confirmedDiagnosis: diseaseId });
    $('feedback-status').textContent = t('confirmed');
  });
}

async function loadModels() {
  try {
    const data = await api('GET', '/api/v1/models');
    const select = $('model');
    select.replaceChildren();
    data.models.forEach((m) => {
      const o = document.createElement('option');
      o.value = m.name; o.textContent = m.name + ' v' + m.version;
      select.appendChild(o);
    });
  } catch (e) { /* the server answers with its default model */ }
}

document.addEventListener('DOMContentLoaded', () => {
  $('lang-toggle').addEventListener('click', () => { state.lang = state.lang === 'es' ? 'en' : 'es'; applyLanguage(); });
  $('symptom-input').addEventListener('input', onSearchInput);
  $('symptom-input').addEventListener('keydown', onSearchKey);
  $('symptom-input').addEventListener('blur', () => setTimeout(closeSuggestions, 150));
  $('diagnose-form').addEventListener('submit', onSubmit);
  applyLanguage();
  loadModels();
});
