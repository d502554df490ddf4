// Detecta web page: interview mode. Starts from the chief complaint (the present/absent findings of the
// form), asks one question at a time through POST /api/v1/interview (stateless: every answer is sent each
// time), shows the options as buttons ("don't know" is always one of them), updates the differential after
// each answer, and lets the user go back to change an answer. Uses app.js's $, t, api, guarded, requireConsent,
// patientBody, percent.
'use strict';

Object.assign(TEXT.es, {
  interviewTitle: 'Entrevista guiada', interviewHelp: 'Una pregunta cada vez, la más informativa para el diferencial. Parte de los hallazgos añadidos arriba (motivo de consulta).',
  interviewStart: 'Empezar entrevista', interviewBack: 'Atrás', interviewConfirm: 'Confirmar selección',
  interviewQuestion: 'Pregunta', interviewGain: 'información esperada', interviewDone: 'Entrevista terminada',
  reason_threshold: 'el candidato principal alcanzó el umbral de probabilidad.', reason_budget: 'se agotó el número de preguntas.',
  reason_no_questions: 'no quedan preguntas útiles.', interviewDifferential: 'Diferencial actual'
});
Object.assign(TEXT.en, {
  interviewTitle: 'Guided interview', interviewHelp: 'One question at a time, the most informative for the differential. Starts from the findings added above (chief complaint).',
  interviewStart: 'Start interview', interviewBack: 'Back', interviewConfirm: 'Confirm selection',
  interviewQuestion: 'Question', interviewGain: 'expected information', interviewDone: 'Interview finished',
  reason_threshold: 'the top candidate reached the probability threshold.', reason_budget: 'the question budget is spent.',
  reason_no_questions: 'no useful question is left.', interviewDifferential: 'Current differential'
});

const interview = { answers: [], last: null, started: false };

function interviewBody() {
  return { ...patientBody(5), answers: interview.answers.map((a) => ({ id: a.id, answer: a.answer })) };
}

async function interviewStep() {
  const error = $('interview-error');
  error.textContent = '';
  if (!requireConsent(error)) { return; }
  await guarded(error, null, async () => {
    interview.last = await api('POST', '/api/v1/interview', interviewBody());
    interview.started = true;
    renderInterview();
    $('interview-question-text').focus();
  });
}

function answer(id, value, text) {
  interview.answers.push({ id, answer: value, text });
  interviewStep();
}

function back() {
  interview.answers.pop();
  interviewStep();
}

function renderInterview() {
  const r = interview.last;
  if (!r) { return; }
  $('interview-panel').hidden = false;
  $('interview-back').hidden = interview.answers.length === 0;
  $('interview-back').textContent = t('interviewBack');
  const options = $('interview-options');
  options.replaceChildren();
  const text = $('interview-question-text');
  const meta = $('interview-meta');
  if (r.done || !r.question) {
    text.textContent = t('interviewDone') + ': ' + t('reason_' + (r.reason || 'no_questions'));
    meta.textContent = '';
  } else {
    const q = r.question;
    text.textContent = q.text;
    meta.textContent = t('interviewQuestion') + ' ' + (interview.answers.length + 1) + ' · ' + t('interviewGain') + ' '
      + r.expectedGain.toFixed(2) + ' nats';
    if (q.kind === 'multi') {
      const group = document.createElement('fieldset');
      const legend = document.createElement('legend'); legend.className = 'sr-only'; legend.textContent = q.text;
      group.appendChild(legend);
      q.options.filter((o) => o.id !== 'unknown').forEach((o) => {
        const label = document.createElement('label'); label.className = 'option-check';
        const box = document.createElement('input'); box.type = 'checkbox'; box.value = o.id; box.dataset.text = o.text;
        label.append(box, ' ' + o.text);
        group.appendChild(label);
      });
      const confirm = document.createElement('button'); confirm.type = 'button'; confirm.className = 'primary';
      confirm.textContent = t('interviewConfirm');
      confirm.addEventListener('click', () => {
        const chosen = [...group.querySelectorAll('input:checked')];
        if (chosen.length) { answer(q.id, chosen.map((b) => b.value), chosen.map((b) => b.dataset.text).join(', ')); }
      });
      const unknown = q.options.find((o) => o.id === 'unknown');
      const skip = document.createElement('button'); skip.type = 'button'; skip.textContent = unknown.text;
      skip.addEventListener('click', () => answer(q.id, 'unknown', unknown.text));
      options.append(group, confirm, skip);
    } else {
      q.options.forEach((o) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'option';
        b.textContent = o.text;
        b.addEventListener('click', () => answer(q.id, o.id, o.text));
        options.appendChild(b);
      });
    }
  }
  const list = $('interview-candidates');
  list.replaceChildren();
  r.candidates.forEach((c) => {
    const li = document.createElement('li');
    li.className = 'interview-candidate';
    li.textContent = c.name + ' — ' + percent(c.probability);
    list.appendChild(li);
  });
  const asked = $('interview-answers');
  asked.replaceChildren();
  interview.answers.forEach((a) => {
    const li = document.createElement('li');
    li.textContent = a.id + ': ' + a.text;
    asked.appendChild(li);
  });
}

document.addEventListener('DOMContentLoaded', () => {
  $('interview-start').addEventListener('click', () => { interview.answers = []; interviewStep(); });
  $('interview-back').addEventListener('click', back);
});
document.addEventListener('detecta:lang', () => {
  if (interview.started) { interviewStep(); }
});
