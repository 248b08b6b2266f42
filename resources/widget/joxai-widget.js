/*! JoxAI chat widget. <script src=".../widget/joxai-widget.js" data-server="https://..." async></script>
 * data-: server, title, color, color-text, position (right|left), lang, prechat (on|off), identity-token,
 * source-url ("https://bank.example/help/{id}"). Messages are rendered as text only; no inline handler or
 * style attribute (strict-CSP safe). The only global is window.JoxAIWidget. */
(() => {
  'use strict';
  if (window.JoxAIWidget) return;

  var script = document.currentScript || (() => {
    var all = document.querySelectorAll('script[src*="joxai-widget.js"]');
    return all[all.length - 1];
  })();
  if (!script) return;
  var data = script.dataset;
  var scriptUrl = new URL(script.src, location.href);
  var server = (data.server || scriptUrl.origin).replace(/\/+$/, '');
  var RTL = ['ar', 'he', 'fa', 'ur'];
  var MAX_LEN = 4000;

  var TEXTS = {
    en: {
      title: 'Chat with us', open: 'Open chat', openUnread: 'Open chat, {n} new', minimise: 'Minimise chat',
      bot: 'AI assistant', waitingSub: 'Waiting for a person', agentSub: 'With a support agent', closedSub: 'Chat ended',
      disclosure: 'You are chatting with an AI assistant. Ask for a person at any time.',
      prechat: 'Before we start, tell us who you are. Both fields are optional.',
      name: 'Name', email: 'E-mail', start: 'Start chat', log: 'Messages',
      input: 'Your message', placeholder: 'Type your message…', send: 'Send',
      human: 'Talk to a person', humanAsked: 'A person has been asked', humanWith: 'A person is with you',
      waiting: 'Waiting for a person to join. Keep writing: they will see your messages.',
      joined: 'A person has joined the chat.', closed: 'This chat has ended.',
      reconnecting: 'Connection lost. Reconnecting…', offline: 'You are offline. New messages will arrive when you are back.',
      typingAgent: 'An agent is typing…', typingBot: 'The assistant is writing…',
      you: 'You', assistant: 'Assistant', agent: 'Agent', system: 'Notice', aiTag: 'AI',
      sources: 'Sources:', failed: 'Not sent.', retry: 'Retry',
      end: 'End chat', endTitle: 'End this chat?', transcript: 'E-mail me a copy of this chat', back: 'Back',
      rateTitle: 'How was your chat?', stars: '{n} out of 5', comment: 'Comment (optional)',
      rateSend: 'Send rating', skip: 'Skip', thanks: 'Thank you. Your chat has ended.',
      transcriptTo: 'A copy is on its way to {e}.', newChat: 'Start a new chat',
      error: 'Something went wrong. Please try again.', unavailable: 'The chat is unavailable right now. Please try again later.',
      tooMany: 'Too many messages. Try again in {n} seconds.', tooLong: 'Messages can be 4,000 characters at most.',
      badEmail: 'Enter a valid e-mail address.', gone: 'This chat is no longer available.'
    },
    fr: {
      title: 'Discutons', open: 'Ouvrir la discussion', openUnread: 'Ouvrir la discussion, {n} nouveau(x)',
      minimise: 'Réduire la discussion', bot: 'Assistant IA', waitingSub: 'En attente d’un conseiller',
      agentSub: 'Avec un conseiller', closedSub: 'Discussion terminée',
      disclosure: 'Vous discutez avec un assistant IA. Demandez un conseiller à tout moment.',
      prechat: 'Avant de commencer, présentez-vous. Les deux champs sont facultatifs.',
      name: 'Nom', email: 'E-mail', start: 'Commencer', log: 'Messages',
      input: 'Votre message', placeholder: 'Écrivez votre message…', send: 'Envoyer',
      human: 'Parler à un conseiller', humanAsked: 'Un conseiller a été demandé', humanWith: 'Un conseiller vous répond',
      waiting: 'En attente d’un conseiller. Continuez d’écrire : il verra vos messages.',
      joined: 'Un conseiller a rejoint la discussion.', closed: 'Cette discussion est terminée.',
      reconnecting: 'Connexion perdue. Reconnexion…', offline: 'Vous êtes hors ligne. Les nouveaux messages arriveront à votre retour.',
      typingAgent: 'Un conseiller écrit…', typingBot: 'L’assistant rédige…',
      you: 'Vous', assistant: 'Assistant', agent: 'Conseiller', system: 'Information', aiTag: 'IA',
      sources: 'Sources :', failed: 'Non envoyé.', retry: 'Réessayer',
      end: 'Terminer', endTitle: 'Terminer cette discussion ?', transcript: 'M’envoyer une copie par e-mail', back: 'Retour',
      rateTitle: 'Comment s’est passée la discussion ?', stars: '{n} sur 5', comment: 'Commentaire (facultatif)',
      rateSend: 'Envoyer la note', skip: 'Passer', thanks: 'Merci. La discussion est terminée.',
      transcriptTo: 'Une copie est envoyée à {e}.', newChat: 'Nouvelle discussion',
      error: 'Une erreur est survenue. Veuillez réessayer.', unavailable: 'La discussion est indisponible pour le moment. Réessayez plus tard.',
      tooMany: 'Trop de messages. Réessayez dans {n} secondes.', tooLong: 'Un message compte au plus 4 000 caractères.',
      badEmail: 'Saisissez une adresse e-mail valide.', gone: 'Cette discussion n’est plus disponible.'
    },
    ar: {
      title: 'تحدث معنا', open: 'افتح المحادثة', openUnread: 'افتح المحادثة، {n} جديدة', minimise: 'صغّر المحادثة',
      bot: 'مساعد بالذكاء الاصطناعي', waitingSub: 'بانتظار موظف', agentSub: 'مع موظف الدعم', closedSub: 'انتهت المحادثة',
      disclosure: 'أنت تتحدث مع مساعد بالذكاء الاصطناعي. يمكنك طلب موظف في أي وقت.',
      prechat: 'قبل أن نبدأ، عرّفنا بنفسك. الحقلان اختياريان.',
      name: 'الاسم', email: 'البريد الإلكتروني', start: 'ابدأ المحادثة', log: 'الرسائل',
      input: 'رسالتك', placeholder: 'اكتب رسالتك…', send: 'إرسال',
      human: 'تحدث مع موظف', humanAsked: 'تم طلب موظف', humanWith: 'موظف معك الآن',
      waiting: 'بانتظار انضمام موظف. تابع الكتابة وسيرى رسائلك.',
      joined: 'انضم موظف إلى المحادثة.', closed: 'انتهت هذه المحادثة.',
      reconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…', offline: 'أنت غير متصل. ستصل الرسائل الجديدة عند عودتك.',
      typingAgent: 'الموظف يكتب…', typingBot: 'المساعد يكتب…',
      you: 'أنت', assistant: 'المساعد', agent: 'الموظف', system: 'تنبيه', aiTag: 'ذكاء اصطناعي',
      sources: 'المصادر:', failed: 'لم تُرسل.', retry: 'أعد المحاولة',
      end: 'إنهاء', endTitle: 'إنهاء هذه المحادثة؟', transcript: 'أرسل لي نسخة بالبريد الإلكتروني', back: 'رجوع',
      rateTitle: 'كيف كانت المحادثة؟', stars: '{n} من 5', comment: 'تعليق (اختياري)',
      rateSend: 'إرسال التقييم', skip: 'تخطَّ', thanks: 'شكرًا لك. انتهت المحادثة.',
      transcriptTo: 'سترسل نسخة إلى {e}.', newChat: 'ابدأ محادثة جديدة',
      error: 'حدث خطأ. يرجى المحاولة مرة أخرى.', unavailable: 'المحادثة غير متاحة الآن. حاول لاحقًا.',
      tooMany: 'رسائل كثيرة. حاول بعد {n} ثانية.', tooLong: 'الحد الأقصى للرسالة 4000 حرف.',
      badEmail: 'أدخل بريدًا إلكترونيًا صحيحًا.', gone: 'هذه المحادثة لم تعد متاحة.'
    }
  };

  var lang = (data.lang || document.documentElement.lang || navigator.language || 'en').toLowerCase().split(/[-_]/)[0];
  var T = TEXTS[lang] || TEXTS.en;
  var dir = RTL.indexOf(lang) >= 0 ? 'rtl' : 'ltr';
  function t(key, vars) {
    var s = T[key] || TEXTS.en[key] || key;
    for (var k in vars || {}) s = s.split('{' + k + '}').join(String(vars[k]));
    return s;
  }
  var on = (v, dflt) => { return v == null ? dflt : !/^(off|false|0|no)$/i.test(v); };
  var cfg = {
    title: data.title || t('title'),
    prechat: on(data.prechat, false),
    identityToken: data.identityToken || '',
    sourceUrl: /^(https?:\/\/|\/)/.test(data.sourceUrl || '') ? data.sourceUrl : '',
    left: data.position === 'left'
  };

  // ---- tiny DOM helpers: elements and text nodes only, never HTML parsing
  function h(tag, props) {
    var el = document.createElement(tag);
    for (var k in props || {}) {
      var v = props[k];
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (var i = 2; i < arguments.length; i++) if (arguments[i]) el.appendChild(arguments[i]);
    return el;
  }
  var ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z',
    send: 'M3 20.5v-7l9-1.5-9-1.5v-7L22 12z',
    person: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z',
    star: 'm12 2.5 2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z'
  };
  function icon(name, cls) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'jx-icon' + (cls ? ' ' + cls : ''));
    var p = document.createElementNS(ns, 'path');
    p.setAttribute('d', ICONS[name]);
    p.setAttribute('fill', 'currentColor');
    svg.appendChild(p);
    return svg;
  }
  function show(el, yes) { el.hidden = !yes; }
  function fmtTime(iso) {
    var d = iso ? new Date(iso) : new Date();
    if (isNaN(d)) return '';
    try { return d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }); } catch (e) { return ''; }
  }

  // ---- colours: the brand colour comes with a text colour that keeps WCAG AA contrast
  function luminance(hex) {
    var m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex || '');
    if (!m) return -1;
    var s = m[1].length === 3 ? m[1].replace(/(.)/g, '$1$1') : m[1];
    var c = [0, 2, 4].map((i) => {
      var v = parseInt(s.substr(i, 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  // ---- state kept across reloads (sessionStorage: this tab only)
  var KEY = 'joxai-widget:' + server;
  var state = load();
  function load() {
    try { var s = JSON.parse(sessionStorage.getItem(KEY) || 'null'); if (s && s.id && s.token) return s; } catch (e) { /* none */ }
    return { id: '', token: '', status: '', cursor: 0, rated: false, email: '', open: false };
  }
  function save() {
    try { sessionStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: this page only */ }
  }
  function forget() {
    try { sessionStorage.removeItem(KEY); } catch (e) { /* ignore */ }
    state = { id: '', token: '', status: '', cursor: 0, rated: false, email: state.email, open: state.open };
  }

  // ---- HTTP
  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (state.token) headers['X-Session-Token'] = state.token;
    return fetch(server + path, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).catch(() => {
      var e = new Error('network'); e.code = 'network'; e.status = 0; throw e;
    }).then((res) => {
      return res.json().catch(() => { return null; }).then((json) => {
        if (res.ok) return json || {};
        var e = new Error((json && json.detail) || res.statusText);
        e.status = res.status; e.code = json && json.code;
        e.retryAfter = parseInt(res.headers.get('Retry-After') || '0', 10) || 0;
        throw e;
      });
    });
  }
  function convPath(rest) { return '/api/v1/chat/' + encodeURIComponent(state.id) + rest; }

  // ---- the DOM: a shadow root keeps the bank's styles out and ours in
  var host = h('div', { class: 'joxai-widget-host' });
  host.style.display = 'none'; // until the stylesheet is in (CSSOM, allowed by a strict CSP)
  var brand = data.color && luminance(data.color) >= 0 ? data.color : '';
  if (brand) {
    host.style.setProperty('--jx-brand', brand);
    var lum = luminance(brand);
    var ink = data.colorText || ((1.05 / (lum + 0.05)) >= 4.5 ? '#ffffff' : '#111111');
    host.style.setProperty('--jx-brand-ink', ink);
  } else if (data.colorText) {
    host.style.setProperty('--jx-brand-ink', data.colorText);
  }
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var css = h('link', { rel: 'stylesheet', href: new URL('joxai-widget.css', scriptUrl).href });
  var styled = () => { host.style.display = ''; };
  css.addEventListener('load', styled);
  css.addEventListener('error', styled);
  root.appendChild(css);

  var launcherLabel = h('span', { class: 'jx-sr', text: t('open') });
  var badge = h('span', { class: 'jx-badge', 'aria-hidden': 'true', hidden: true });
  var launcher = h('button', { type: 'button', class: 'jx-launcher', 'aria-expanded': 'false', 'aria-controls': 'jx-panel',
    onclick: () => { toggle(); } }, icon('chat', 'jx-i-open'), icon('close', 'jx-i-close'), launcherLabel, badge);

  var sub = h('p', { class: 'jx-sub', text: t('bot') });
  var endBtn = h('button', { type: 'button', class: 'jx-head-btn jx-end', text: t('end'), onclick: () => { showEnd(); } });
  var minBtn = h('button', { type: 'button', class: 'jx-head-btn jx-min', 'aria-label': t('minimise'),
    onclick: () => { close(); } }, icon('close'));
  var header = h('header', { class: 'jx-head' },
    h('span', { class: 'jx-avatar', 'aria-hidden': 'true' }, icon('chat')),
    h('div', { class: 'jx-head-text' }, h('h2', { class: 'jx-title', text: cfg.title }), sub),
    endBtn, minBtn);
  var banner = h('div', { class: 'jx-banner', role: 'status', hidden: true });
  var conn = h('div', { class: 'jx-conn', role: 'status', hidden: true });

  var disclosure = h('p', { class: 'jx-disclosure', text: t('disclosure') });
  var log = h('div', { class: 'jx-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  var typingText = h('span', { class: 'jx-typing-text' });
  var typing = h('div', { class: 'jx-typing', hidden: true },
    h('span', { class: 'jx-dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')), typingText);
  var notice = h('p', { class: 'jx-notice', role: 'alert', hidden: true });
  var scroller = h('div', { class: 'jx-scroll', tabindex: '0', role: 'region', 'aria-label': t('log') }, disclosure, log, typing);

  // pre-chat form
  var pcName = h('input', { type: 'text', id: 'jx-pc-name', autocomplete: 'name', maxlength: '200' });
  var pcEmail = h('input', { type: 'email', id: 'jx-pc-email', autocomplete: 'email', maxlength: '254' });
  var pcError = h('p', { class: 'jx-field-error', role: 'alert', hidden: true });
  var prechat = h('form', { class: 'jx-view jx-prechat', hidden: true, novalidate: true, onsubmit: onPrechat },
    h('p', { class: 'jx-disclosure', text: t('disclosure') }),
    h('p', { text: t('prechat') }),
    h('label', { for: 'jx-pc-name', text: t('name') }), pcName,
    h('label', { for: 'jx-pc-email', text: t('email') }), pcEmail, pcError,
    h('button', { type: 'submit', class: 'jx-primary', text: t('start') }));

  // end-of-chat form
  var endTranscript = h('input', { type: 'checkbox', id: 'jx-end-tx', onchange: () => { show(endEmailRow, endTranscript.checked); } });
  var endEmail = h('input', { type: 'email', id: 'jx-end-email', autocomplete: 'email', maxlength: '254' });
  var endEmailRow = h('div', { class: 'jx-field', hidden: true }, h('label', { for: 'jx-end-email', text: t('email') }), endEmail);
  var endError = h('p', { class: 'jx-field-error', role: 'alert', hidden: true });
  var endView = h('form', { class: 'jx-view jx-endview', hidden: true, novalidate: true, onsubmit: onEnd },
    h('h3', { class: 'jx-view-title', text: t('endTitle') }),
    h('div', { class: 'jx-check' }, endTranscript, h('label', { for: 'jx-end-tx', text: t('transcript') })),
    endEmailRow, endError,
    h('div', { class: 'jx-row' },
      h('button', { type: 'button', class: 'jx-secondary', text: t('back'), onclick: () => { showView(null); } }),
      h('button', { type: 'submit', class: 'jx-primary jx-danger', text: t('end') })));

  // rating
  var stars = h('div', { class: 'jx-stars' });
  for (var n = 1; n <= 5; n++) {
    stars.appendChild(h('input', { type: 'radio', name: 'jx-score', value: String(n), id: 'jx-star-' + n, class: 'jx-sr' }));
    stars.appendChild(h('label', { for: 'jx-star-' + n, class: 'jx-star', title: t('stars', { n: n }) },
      icon('star'), h('span', { class: 'jx-sr', text: t('stars', { n: n }) })));
  }
  var rateComment = h('textarea', { id: 'jx-rate-comment', rows: '2', maxlength: '2000' });
  var rateInfo = h('p', { class: 'jx-rate-info', hidden: true });
  var rateView = h('form', { class: 'jx-view jx-rateview', hidden: true, novalidate: true, onsubmit: onRate },
    rateInfo,
    h('fieldset', { class: 'jx-fieldset' }, h('legend', { class: 'jx-view-title', text: t('rateTitle') }), stars),
    h('label', { for: 'jx-rate-comment', text: t('comment') }), rateComment,
    h('div', { class: 'jx-row' },
      h('button', { type: 'button', class: 'jx-secondary', text: t('skip'), onclick: () => { finishRating(); } }),
      h('button', { type: 'submit', class: 'jx-primary', text: t('rateSend') })));
  var thanksText = h('p', { class: 'jx-thanks-text', text: t('thanks') });
  var thanksView = h('div', { class: 'jx-view jx-thanks', hidden: true }, thanksText,
    h('button', { type: 'button', class: 'jx-primary', text: t('newChat'), onclick: () => { newChat(); } }));

  var humanBtn = h('button', { type: 'button', class: 'jx-human', onclick: () => { escalate(); } }, icon('person'),
    h('span', { text: t('human') }));
  var input = h('textarea', { class: 'jx-input', rows: '1', 'aria-label': t('input'), placeholder: t('placeholder'),
    maxlength: String(MAX_LEN), enterkeyhint: 'send', onkeydown: onInputKey, oninput: onInputChange });
  var sendBtn = h('button', { type: 'submit', class: 'jx-send', 'aria-label': t('send') }, icon('send'));
  var composer = h('form', { class: 'jx-composer', onsubmit: (e) => { e.preventDefault(); submitInput(); } }, input, sendBtn);
  var footer = h('div', { class: 'jx-foot' }, notice, h('div', { class: 'jx-actions' }, humanBtn), composer);

  var panel = h('section', { class: 'jx-panel', id: 'jx-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': cfg.title,
    hidden: true, onkeydown: onPanelKey },
  header, banner, conn, h('div', { class: 'jx-body' }, scroller, prechat, endView, rateView, thanksView), footer);
  var wrap = h('div', { class: 'jx' + (cfg.left ? ' jx-left' : ' jx-right'), dir: dir, lang: lang }, panel, launcher);
  root.appendChild(wrap);

  // ---- opening, closing, focus
  var unread = 0;
  var isOpen = false;
  function open() {
    if (isOpen) return;
    isOpen = true; state.open = true; state.read = Math.max(state.read || 0, state.cursor || 0); save();
    unread = 0; updateLauncher();
    show(panel, true);
    wrap.classList.add('jx-is-open');
    launcher.setAttribute('aria-expanded', 'true');
    ensureConversation();
    focusFirst();
    scrollDown(true);
  }
  function close() {
    if (!isOpen) return;
    isOpen = false; state.open = false; save();
    show(panel, false);
    wrap.classList.remove('jx-is-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  function toggle() { isOpen ? close() : open(); }
  function updateLauncher() {
    launcherLabel.textContent = unread ? t('openUnread', { n: unread }) : t('open');
    badge.textContent = String(unread);
    show(badge, unread > 0 && !isOpen);
  }
  function focusables() {
    return Array.from(panel.querySelectorAll('button, input, textarea, a[href], [tabindex]')).filter((el) => {
      return !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0;
    });
  }
  function focusFirst() {
    var view = currentView();
    var target = view === prechat ? pcName : view === endView ? endTranscript : view === rateView ? stars.querySelector('input')
      : view === thanksView ? thanksView.querySelector('button') : input.disabled ? minBtn : input;
    setTimeout(() => { (target || minBtn).focus(); }, 0);
  }
  function activeEl() { return root.activeElement || document.activeElement; }
  function onPanelKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); return; }
    if (e.key !== 'Tab') return;
    var list = focusables();
    if (!list.length) return;
    var first = list[0], last = list[list.length - 1], cur = activeEl();
    if (e.shiftKey && (cur === first || list.indexOf(cur) < 0)) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && (cur === last || list.indexOf(cur) < 0)) { e.preventDefault(); first.focus(); }
  }

  // ---- views inside the panel
  function currentView() {
    return [prechat, endView, rateView, thanksView].filter((v) => { return !v.hidden; })[0] || null;
  }
  function showView(view) {
    [prechat, endView, rateView, thanksView].forEach((v) => { show(v, v === view); });
    show(scroller, !view);
    // "Talk to a person" stays reachable while the pre-chat form shows; the end views replace it all.
    footer.classList.toggle('jx-foot-hidden', !!view && view !== prechat);
    show(composer, view !== prechat);
    if (isOpen) focusFirst();
  }
  function showNotice(text) { notice.textContent = text || ''; show(notice, !!text); }

  // ---- status: bot, waiting, agent, closed
  function setStatus(status) {
    if (!status) return;
    var was = state.status;
    state.status = status; save();
    var texts = { waiting: 'waiting', agent: 'joined', closed: 'closed' };
    banner.className = 'jx-banner jx-banner-' + status;
    if (texts[status]) { if (status !== was || banner.hidden) banner.textContent = t(texts[status]); }
    show(banner, !!texts[status]);
    sub.textContent = t({ waiting: 'waitingSub', agent: 'agentSub', closed: 'closedSub' }[status] || 'bot');
    var asked = status === 'waiting' || status === 'agent';
    humanBtn.lastChild.textContent = t(status === 'agent' ? 'humanWith' : asked ? 'humanAsked' : 'human');
    humanBtn.setAttribute('aria-disabled', asked || status === 'closed' ? 'true' : 'false');
    var closed = status === 'closed';
    input.disabled = closed; sendBtn.disabled = closed;
    show(endBtn, !closed);
    if (closed) {
      stopSocket(); stopPolling(); showTyping(null);
      if (was !== 'closed' || !currentView()) afterClose();
    }
  }
  function afterClose() {
    if (state.rated) { showView(thanksView); return; }
    showView(rateView);
  }

  // ---- messages
  var seen = {};
  var pending = [];
  var lastSender = '';
  function linkify(parent, text) {
    var re = /\bhttps?:\/\/[^\s<>"']+/g, at = 0, m;
    while ((m = re.exec(text))) {
      var url = m[0].replace(/[.,;:!?)\]]+$/, '');
      parent.appendChild(document.createTextNode(text.slice(at, m.index)));
      parent.appendChild(h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: url }));
      at = m.index + url.length;
      re.lastIndex = at;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
  function sourcesEl(sources) {
    var list = (sources || []).filter((s) => { return s && s.title; });
    if (!list.length) return null;
    var ul = h('ul', { class: 'jx-sources-list' });
    list.forEach((s) => {
      var li = h('li');
      if (cfg.sourceUrl && s.id != null) {
        li.appendChild(h('a', { href: cfg.sourceUrl.split('{id}').join(encodeURIComponent(String(s.id))),
          target: '_blank', rel: 'noopener noreferrer', text: s.title }));
      } else {
        li.textContent = s.title;
      }
      ul.appendChild(li);
    });
    return h('div', { class: 'jx-sources' }, h('span', { class: 'jx-sources-label', text: t('sources') }), ul);
  }
  function bubble(msg) {
    var sender = msg.sender || 'system';
    var who = { customer: 'you', assistant: 'assistant', agent: 'agent', system: 'system' }[sender] || 'system';
    var body = h('div', { class: 'jx-text', dir: 'auto' });
    linkify(body, String(msg.body == null ? '' : msg.body));
    var meta = h('div', { class: 'jx-meta' },
      h('time', { datetime: msg.created_at || new Date().toISOString(), text: fmtTime(msg.created_at) }));
    var el = h('div', { class: 'jx-msg jx-msg-' + sender });
    if (sender !== 'customer' && sender !== 'system') {
      var name = h('div', { class: 'jx-name', 'aria-hidden': 'true', text: t(who) });
      if (sender === 'assistant') name.appendChild(h('span', { class: 'jx-ai-tag', text: t('aiTag') }));
      el.appendChild(name);
    }
    el.appendChild(h('span', { class: 'jx-sr', text: t(who) + ': ' }));
    el.appendChild(body);
    var src = sourcesEl(msg.sources);
    if (src) el.appendChild(src);
    el.appendChild(meta);
    if (msg.id) el.dataset.id = String(msg.id);
    return el;
  }
  function place(el, id) {
    // In id order; messages without an id yet (being sent) stay at the end.
    var kids = log.children;
    for (var i = 0; id && i < kids.length; i++) {
      var other = +kids[i].dataset.id;
      if (!other || other > id) { log.insertBefore(el, kids[i]); return; }
    }
    log.appendChild(el);
  }
  function addItem(msg) {
    var id = +msg.id;
    if (!id || seen[id]) return;
    seen[id] = true;
    if (msg.sender === 'customer') {
      for (var i = 0; i < pending.length; i++) {
        if (!pending[i].id && pending[i].text === msg.body) { bind(pending[i], id); return; }
      }
    }
    if (msg.sender === 'agent') showTyping(null);
    var el = bubble(msg);
    if (msg.sender !== lastSender) el.classList.add('jx-first');
    lastSender = msg.sender;
    var near = nearBottom();
    place(el, id);
    if (isOpen) state.read = Math.max(state.read || 0, id);
    else if (id > (state.read || 0) && (msg.sender === 'agent' || msg.sender === 'system')) { unread++; updateLauncher(); }
    scrollDown(near || msg.sender === 'customer');
  }
  function bind(p, id) {
    p.id = id;
    p.el.dataset.id = String(id);
    p.el.classList.remove('jx-pending');
    pending.splice(pending.indexOf(p), 1);
    seen[id] = true;
  }
  function nearBottom() { return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80; }
  function scrollDown(force) { if (force || nearBottom()) scroller.scrollTop = scroller.scrollHeight; }
  var typingTimer = 0;
  function showTyping(who) {
    clearTimeout(typingTimer);
    show(typing, !!who);
    typingText.textContent = who ? t(who === 'agent' ? 'typingAgent' : 'typingBot') : '';
    if (who === 'agent') typingTimer = setTimeout(() => { showTyping(null); }, 6000);
    if (who) scrollDown(false);
  }
  function clearLog() {
    while (log.firstChild) log.removeChild(log.firstChild);
    seen = {}; pending = []; lastSender = '';
  }

  // ---- conversation life cycle
  var starting = null;
  function ensureConversation() {
    if (state.id) {
      if (state.status === 'closed') { afterClose(); return Promise.resolve(); }
      if (!log.children.length) sync();
      connect();
      return Promise.resolve();
    }
    if (cfg.prechat && !starting) { showView(prechat); return Promise.resolve(); }
    return start({});
  }
  function start(extra) {
    if (starting) return starting;
    var body = { language: lang, metadata: { page: (location.origin + location.pathname).slice(0, 500) } };
    for (var k in extra) if (extra[k]) body[k] = extra[k];
    if (cfg.identityToken) body.identity_token = cfg.identityToken;
    showNotice('');
    starting = api('POST', '/api/v1/chat/start', body).catch((e) => {
      if (e.status === 401 && body.identity_token) { // an expired identity: chat anyway, unverified
        delete body.identity_token; cfg.identityToken = '';
        return api('POST', '/api/v1/chat/start', body);
      }
      throw e;
    }).then((r) => {
      clearLog();
      state = { id: r.conversation_id, token: r.session_token, status: r.status || 'bot', cursor: 0, rated: false,
        email: body.customer_email || state.email || '', open: isOpen };
      save();
      showView(null);
      setStatus(state.status);
      return sync().catch(() => {}); // polling and the socket catch up
    }).then(() => { connect(); }, (e) => {
      showNotice(e.status === 429 ? t('tooMany', { n: e.retryAfter || 60 }) : t('unavailable'));
    }).then(() => { starting = null; });
    return starting;
  }
  function newChat() {
    stopSocket(); stopPolling();
    forget(); clearLog(); setStatus('bot');
    rateComment.value = '';
    stars.querySelectorAll('input').forEach((r) => { r.checked = false; });
    showView(null);
    start({}).then(() => { if (isOpen) focusFirst(); });
  }
  function lostConversation() {
    stopSocket(); stopPolling(); forget(); clearLog(); setStatus('bot');
    showNotice(t('gone'));
    if (isOpen) start({});
  }

  function onPrechat(e) {
    e.preventDefault();
    var email = pcEmail.value.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      pcError.textContent = t('badEmail'); show(pcError, true); pcEmail.setAttribute('aria-invalid', 'true'); pcEmail.focus();
      return;
    }
    show(pcError, false); pcEmail.removeAttribute('aria-invalid');
    state.email = email;
    start({ customer_name: pcName.value.trim(), customer_email: email }).then(() => { if (isOpen) focusFirst(); });
  }

  // ---- sending
  function onInputKey(e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submitInput(); }
  }
  var lastTypingSent = 0;
  function onInputChange() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
    if ((state.status === 'agent' || state.status === 'waiting') && ws && ws.readyState === 1 && Date.now() - lastTypingSent > 3000) {
      lastTypingSent = Date.now();
      try { ws.send(JSON.stringify({ type: 'typing', conversation_id: state.id })); } catch (err) { /* reconnect handles it */ }
    }
  }
  function submitInput() {
    var text = input.value.trim();
    if (!text || input.disabled) return;
    if (text.length > MAX_LEN) { showNotice(t('tooLong')); return; }
    input.value = '';
    onInputChange();
    send(text);
  }
  function send(text, retryOf) {
    showNotice('');
    var p = retryOf || { text: text, el: null, id: 0, retryKey: 'k' + Math.random().toString(36).slice(2) };
    if (!p.el) {
      p.el = bubble({ sender: 'customer', body: text });
      if (lastSender !== 'customer') p.el.classList.add('jx-first');
      lastSender = 'customer';
      log.appendChild(p.el);
    }
    p.el.classList.add('jx-pending');
    p.el.classList.remove('jx-failed');
    var old = p.el.querySelector('.jx-retry-row');
    if (old) p.el.removeChild(old);
    if (pending.indexOf(p) < 0) pending.push(p);
    scrollDown(true);
    var ready = state.id ? Promise.resolve() : start({});
    return ready.then(() => {
      if (!state.id) throw Object.assign(new Error('no conversation'), { code: 'network' });
      if (state.status === 'bot') showTyping('bot');
      return api('POST', '/api/v1/chat/message', { conversation_id: state.id, message: text, client_message_id: p.retryKey });
    }).then((r) => {
      if (!p.id && r.message_id) bind(p, +r.message_id);
      // A hand-over turn (its answer may be a system notice) is read back from the transcript.
      if (r.response_id && !r.escalated && r.status === 'bot') {
        addItem({ id: r.response_id, sender: 'assistant', body: r.response, sources: r.sources, created_at: new Date().toISOString() });
      } else sync().catch(() => {});
      if (state.status === 'bot') showTyping(null);
      setStatus(r.status);
    }).catch((e) => {
      showTyping(null);
      if (e.code === 'conversation_closed') { setStatus('closed'); }
      else if (e.status === 404) { lostConversation(); return; }
      else if (e.status === 429) showNotice(t('tooMany', { n: e.retryAfter || 60 }));
      else if (e.status === 422) showNotice(e.message || t('error'));
      else showNotice(t('error'));
      p.el.classList.remove('jx-pending');
      p.el.classList.add('jx-failed');
      p.el.appendChild(h('div', { class: 'jx-retry-row' }, h('span', { text: t('failed') + ' ' }),
        h('button', { type: 'button', class: 'jx-link', text: t('retry'), onclick: () => { send(text, p); } })));
    });
  }

  function escalate() {
    if (humanBtn.getAttribute('aria-disabled') === 'true') return;
    var go = state.id ? Promise.resolve() : start({});
    go.then(() => {
      if (!state.id) return;
      return api('POST', convPath('/escalate'), { reason: 'Asked for a person in the chat widget' }).then((r) => {
        setStatus(r.status || 'waiting');
        sync();
      });
    }).catch((e) => { if (e.status === 404) lostConversation(); else showNotice(t('error')); });
  }

  function showEnd() {
    if (!state.id) { close(); return; }
    endTranscript.checked = !!state.email;
    endEmail.value = state.email || '';
    show(endEmailRow, endTranscript.checked);
    show(endError, false);
    showView(endView);
  }
  function onEnd(e) {
    e.preventDefault();
    var email = endEmail.value.trim();
    var body = { send_transcript: endTranscript.checked };
    if (endTranscript.checked) {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        endError.textContent = t('badEmail'); show(endError, true); endEmail.focus(); return;
      }
      body.email = email;
    }
    api('POST', convPath('/close'), body).then((r) => {
      rateInfo.textContent = r.transcript_to ? t('transcriptTo', { e: r.transcript_to }) : '';
      show(rateInfo, !!r.transcript_to);
      thanksText.textContent = t('thanks') + (r.transcript_to ? ' ' + t('transcriptTo', { e: r.transcript_to }) : '');
      setStatus('closed');
    }).catch((err) => {
      if (err.code === 'conversation_closed') { setStatus('closed'); return; }
      endError.textContent = err.status === 422 ? (err.message || t('badEmail')) : t('error');
      show(endError, true);
    });
  }
  function onRate(e) {
    e.preventDefault();
    var picked = stars.querySelector('input:checked');
    if (!picked) { stars.querySelector('input').focus(); return; }
    var body = { score: +picked.value };
    if (rateComment.value.trim()) body.comment = rateComment.value.trim();
    api('POST', convPath('/rating'), body).then(finishRating, (err) => {
      if (err.status === 409) finishRating(); else showNotice(t('error'));
    });
  }
  function finishRating() { state.rated = true; save(); showView(thanksView); }

  // ---- catching up: GET messages?after=<last id seen through this same call>
  // The cursor moves only with what this call returned, so nothing between two ids is ever skipped;
  // what the socket or the POST answers already showed is dropped by id.
  var syncing = null, syncAgain = false;
  function sync() {
    if (!state.id) return Promise.resolve();
    if (syncing) { syncAgain = true; return syncing; }
    syncing = (function page(rounds) {
      return api('GET', convPath('/messages?after=' + (state.cursor || 0) + '&limit=200')).then((r) => {
        var items = r.items || [];
        items.forEach((m) => {
          addItem(m);
          if (+m.id > state.cursor) state.cursor = +m.id;
        });
        save();
        if (items.length >= (r.limit || 200) && rounds < 50) return page(rounds + 1);
        if (r.status && r.status !== state.status) setStatus(r.status);
      });
    })(0).then(() => {
      syncing = null;
      if (syncAgain) { syncAgain = false; return sync(); }
    }, (e) => {
      syncing = null; syncAgain = false;
      if (e.status === 404) lostConversation();
      throw e;
    });
    return syncing;
  }

  // ---- live: the customer socket, polling while it is down, reconnect with back-off
  var ws = null, wsLive = false, retries = 0, retryTimer = 0, pollTimer = 0, beat = 0, lastHeard = 0;
  function connect() {
    if (!state.id || state.status === 'closed' || ws || retryTimer) return;
    if (!window.WebSocket) { startPolling(); return; }
    var url = server.replace(/^http/, 'ws') + '/api/v1/chat/ws?conversation_id=' + encodeURIComponent(state.id) +
      '&session_token=' + encodeURIComponent(state.token);
    var sock;
    try { sock = new WebSocket(url); } catch (e) { startPolling(); scheduleReconnect(); return; }
    ws = sock; wsLive = false;
    startPolling(); // until the hello: a socket the page's policy blocks may never even report closing
    sock.addEventListener('message', (ev) => {
      if (ws !== sock) return;
      lastHeard = Date.now();
      var m;
      try { m = JSON.parse(ev.data); } catch (e) { return; }
      if (!m || typeof m !== 'object') return;
      var d = m.data || {};
      if (m.type === 'hello') {
        wsLive = true; retries = 0;
        setConn(null); stopPolling();
        if (m.status) setStatus(m.status);
        sync().catch(() => { /* the next poll or event catches up */ });
      } else if (m.type === 'message.created') {
        addItem({ id: d.id, sender: d.sender, body: d.body, created_at: d.created_at, sources: d.sources });
      } else if (m.type === 'conversation.updated') {
        setStatus(d.status);
      } else if (m.type === 'typing') {
        if (d.from === 'agent') showTyping('agent');
      }
    });
    sock.addEventListener('close', (ev) => {
      if (ws !== sock) return;
      ws = null; wsLive = false;
      if (ev.code === 4404) { sync().catch(() => {}); return; } // not this conversation: don't retry
      if (state.status === 'closed' || !state.id) return;
      if (navigator.onLine === false) setConn('offline');
      startPolling();
      scheduleReconnect();
    });
    if (!beat) beat = setInterval(heartbeat, 20000);
  }
  function heartbeat() {
    if (!ws || ws.readyState !== 1) return;
    if (wsLive && Date.now() - lastHeard > 50000) { ws.close(4000, 'silent'); return; }
    try { ws.send('{"type":"ping"}'); } catch (e) { /* close follows */ }
  }
  function scheduleReconnect() {
    if (retryTimer) return;
    var delay = Math.min(30000, 1000 * Math.pow(2, retries++)) * (0.75 + Math.random() * 0.5);
    retryTimer = setTimeout(() => { retryTimer = 0; connect(); }, delay);
  }
  function stopSocket() {
    clearTimeout(retryTimer); retryTimer = 0;
    clearInterval(beat); beat = 0;
    var s = ws; ws = null; wsLive = false;
    if (s) try { s.close(1000, 'bye'); } catch (e) { /* already closed */ }
    setConn(null);
  }
  function startPolling() {
    if (pollTimer || !state.id || state.status === 'closed') return;
    var tick = () => {
      pollTimer = setTimeout(() => {
        if (wsLive || !state.id || state.status === 'closed') { pollTimer = 0; return; }
        // Polling keeps the chat current while the socket is down: say so only when it fails too.
        sync().then(() => { setConn(null); }, () => { setConn(navigator.onLine === false ? 'offline' : 'reconnecting'); })
          .then(() => { if (pollTimer) tick(); });
      }, document.hidden ? 15000 : 3000);
    };
    tick();
  }
  function stopPolling() { clearTimeout(pollTimer); pollTimer = 0; }
  function setConn(kind) {
    conn.textContent = kind ? t(kind) : '';
    show(conn, !!kind);
  }
  window.addEventListener('online', () => {
    if (!state.id || state.status === 'closed') return;
    setConn(wsLive ? null : 'reconnecting');
    if (!ws) { clearTimeout(retryTimer); retryTimer = 0; retries = 0; connect(); }
    sync().catch(() => {});
  });
  window.addEventListener('offline', () => { if (state.id && state.status !== 'closed') setConn('offline'); });

  // ---- start-up
  function boot() {
    document.body.appendChild(host);
    updateLauncher();
    if (state.id) {
      setStatus(state.status || 'bot');
      var cursor = state.cursor;
      state.cursor = 0; // the page was reloaded: fetch the whole transcript again
      sync().then(() => { connect(); }, () => { state.cursor = cursor; connect(); });
    }
    if (state.open) open();
  }
  if (document.body) boot(); else document.addEventListener('DOMContentLoaded', boot);

  window.JoxAIWidget = Object.freeze({
    open: open,
    close: close,
    toggle: toggle,
    isOpen: () => { return isOpen; },
    setIdentityToken: (token) => { cfg.identityToken = String(token || ''); },
    version: '1.0.0'
  });
})();
