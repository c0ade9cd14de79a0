// A complete onboarding UI in plain DOM, driven by the SDK alone: documentation by example.
//
// The pattern: create the flow, `restore()` it, and re-render on every change. Each state offers only the
// actions of its step (`state.actions`), and failures arrive as `state.error` / `state.fieldErrors`, never as
// exceptions, so the UI is one `switch (state.step)` with no business rules of its own.
import {
  createOnboardingFlow,
  EHERKENNING_OUTCOME_PARAM,
  passwordRulesAttribute,
  type FieldName,
  type FlowState,
} from '@wij-techniek/onboarding-sdk';
import { errorMessage, fieldMessage, HEADINGS, NOTICES, roleText } from './texts.js';

const app = document.querySelector<HTMLElement>('#app')!;
const status = document.querySelector<HTMLElement>('#status')!;

const flow = createOnboardingFlow({ apiBase: '/api/v1', lang: 'nl' });
flow.subscribe(render);
flow.addEventListener('verified', (event) => console.info('Geverifieerd voor', event.organisation.name));
// Read before restore() removes it: coming back from eHerkenning the person did not ask for this page, so focus on
// the step's heading announces the outcome. A plain page load leaves focus where the browser put it.
const cameBack = new URLSearchParams(location.search).has(EHERKENNING_OUTCOME_PARAM);
/** False while restore() loads: the steps drawn meanwhile are not the person's doing and take no focus. */
let restored = false;
/** The step drawn last, and the error it showed: focus moves when they change (show()). */
let shown: Pick<FlowState, 'step' | 'error'> | undefined;
void flow.restore().then((state) => {
  restored = true;
  render(state);
  if (cameBack) app.querySelector<HTMLElement>('h2')?.focus();
});

// WCAG 2.2.1: two minutes before the session ends, say so (once, in the live region) and offer to extend it. A
// state changes only when the flow moves, so a timer watches the clock; the notice is built once so its button
// keeps the focus while the time left counts down.
const notice = document.querySelector<HTMLElement>('#session')!;
const noticeText = notice.querySelector('p')!;
const stayButton = notice.querySelector('button')!;
stayButton.addEventListener('click', () => {
  const { state } = flow;
  if ('stayActive' in state.actions) void state.actions.stayActive();
});
setInterval(() => {
  const { state } = flow;
  const left = Math.ceil(((state.sessionEndsAt ?? Infinity) - Date.now()) / 1000);
  const shown = left > 0 && left <= 120;
  const extendable = state.sessionExtendable === true && 'stayActive' in state.actions;
  if (shown && notice.hidden) {
    status.className = '';
    status.textContent = extendable
      ? 'Je sessie stopt over 2 minuten als je niets doet. Kies Doorgaan om verder te gaan.'
      : 'Je sessie stopt over 2 minuten en kan niet worden verlengd. Log daarna opnieuw in.';
  }
  notice.hidden = !shown;
  stayButton.hidden = !extendable;
  noticeText.textContent = `Je sessie stopt over ${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}.`;
}, 1000);

// ── rendering ────────────────────────────────────────────────────────────────────────────────────────────────

function render(state: FlowState): void {
  app.setAttribute('aria-busy', String(state.busy));
  // An error wins; otherwise what the last action did (signed out, password changed), said once on the next step.
  status.textContent = state.error ? errorMessage(state.error) : state.notice ? NOTICES[state.notice] : '';
  status.className = state.error ? 'error' : '';
  const errors = (field: FieldName) => (state.fieldErrors?.[field] ?? []).map((code) => fieldMessage(field, code));
  switch (state.step) {
    case 'start':
      return show(
        state,
        text('Met een persoonlijk account krijg je een overzicht van al onze online diensten.'),
        button('Start hier', () => state.actions.begin()),
      );
    case 'eherkenning-info':
      return show(
        state,
        text('Om de online diensten te gebruiken is eHerkenning niveau 3 nodig.'),
        button('Login eHerkenning', () => state.actions.next()),
        button('Terug', () => state.actions.back()),
      );
    case 'account':
      return show(
        state,
        button('Maak een account aan', () => state.actions.createAccount()),
        form('Inloggen', (data) => state.actions.signIn({ email: data.email!, password: data.password! }), [
          input('email', 'E-mailadres', { type: 'email', autocomplete: 'username', value: state.email }),
          input('password', 'Wachtwoord', { type: 'password', autocomplete: 'current-password' }),
        ]),
        button('Wachtwoord vergeten?', () => state.actions.forgotPassword()),
      );
    case 'email':
    case 'password-email':
      return show(
        state,
        form('Verificatiecode verzenden', (data) => state.actions.submit(data.email!), [
          input('email', 'E-mailadres', { type: 'email', autocomplete: 'email', value: state.email }, errors('email')),
        ]),
        button('Terug', () => state.actions.back()),
      );
    case 'code':
    case 'password-code': {
      const wait = Math.max(0, Math.ceil((state.resendAvailableAt - Date.now()) / 1000));
      return show(
        state,
        // The same address again within the countdown: no new mail went out, the code already sent still works.
        text(
          state.alreadySent
            ? `We hebben je net al een code gestuurd naar ${state.email}. Die code blijft geldig. Nog ${state.attemptsLeft} pogingen.`
            : `We hebben een code gestuurd naar ${state.email}. Nog ${state.attemptsLeft} pogingen.`,
        ),
        form('Volgende', (data) => state.actions.submit(data.code!), [
          input('code', 'Verificatiecode', { autocomplete: 'one-time-code', inputmode: 'numeric' }, errors('code')),
        ]),
        button(wait > 0 ? `Nieuwe code (over ${wait} s)` : 'Nieuwe code sturen', () => state.actions.resend()),
        button('Ander e-mailadres', () => state.actions.changeEmail()),
      );
    }
    case 'details': {
      const rules = passwordRulesAttribute(state.policy);
      return show(
        state,
        form('Maken', (data) => state.actions.submit(accountInput(data)), [
          input(
            'password',
            'Wachtwoord',
            { type: 'password', autocomplete: 'new-password', passwordrules: rules },
            errors('password'),
          ),
          input(
            'passwordRepeat',
            'Herhaal wachtwoord',
            { type: 'password', autocomplete: 'new-password' },
            errors('passwordRepeat'),
          ),
          input('firstName', 'Voornaam', { autocomplete: 'given-name' }, errors('firstName')),
          input('lastName', 'Achternaam', { autocomplete: 'family-name' }, errors('lastName')),
        ]),
      );
    }
    case 'password-new':
      return show(
        state,
        form('Wachtwoord opslaan', (data) => state.actions.submit(accountInput(data)), [
          input('password', 'Nieuw wachtwoord', { type: 'password', autocomplete: 'new-password' }, errors('password')),
          input(
            'passwordRepeat',
            'Herhaal wachtwoord',
            { type: 'password', autocomplete: 'new-password' },
            errors('passwordRepeat'),
          ),
        ]),
      );
    case 'supplier': {
      const select = document.createElement('select');
      select.name = 'supplierId';
      for (const supplier of state.suppliers) select.append(new Option(supplier.name, supplier.id));
      return show(
        state,
        text('Je verlaat nu de website van Wij Techniek en wordt doorverwezen naar eHerkenning.'),
        form('Verder', (data) => state.actions.choose(data.supplierId!), [labelled('Kies je leverancier', select)]),
        button('Uitloggen', () => state.actions.signOut()),
      );
    }
    case 'verified':
      return show(
        state,
        text(roleText(state)),
        button('Uitloggen', () => state.actions.signOut()),
      );
    case 'invitation':
      return show(
        state,
        text(`${state.invitation.organisation.name} nodigt ${state.invitation.email} uit.`),
        state.invitation.accountExists
          ? form(
              'Inloggen en accepteren',
              (data) => state.actions.signInAndAccept({ email: data.email!, password: data.password! }),
              [
                input('email', 'E-mailadres', { type: 'email', value: state.invitation.email }),
                input('password', 'Wachtwoord', { type: 'password', autocomplete: 'current-password' }),
              ],
            )
          : form('Account maken en accepteren', (data) => state.actions.accept(accountInput(data)), [
              input('password', 'Wachtwoord', { type: 'password', autocomplete: 'new-password' }, errors('password')),
              input(
                'passwordRepeat',
                'Herhaal wachtwoord',
                { type: 'password', autocomplete: 'new-password' },
                errors('passwordRepeat'),
              ),
              input('firstName', 'Voornaam', { autocomplete: 'given-name' }, errors('firstName')),
              input('lastName', 'Achternaam', { autocomplete: 'family-name' }, errors('lastName')),
            ]),
      );
    default: {
      // Compiles only while every step has a case: a step added to the SDK is a compile error here.
      const unhandled: never = state;
      throw new Error(`Geen weergave voor stap ${(unhandled as FlowState).step}`);
    }
  }
}

/** The values of a password form, as the `details`, `password-new` and `invitation` steps take them. */
function accountInput(data: Record<string, string>) {
  const { password = '', passwordRepeat = '', firstName = '', lastName = '' } = data;
  return { password, passwordRepeat, firstName, lastName };
}

// ── tiny DOM helpers (text always goes in as textContent, never as HTML) ──────────────────────────────────────

/**
 * Draws the step under its heading. Drawing anew removes the element that had focus, which would drop it to <body>
 * (WCAG 2.4.3), so focus goes, as <wt-onboarding> moves it:
 * - on a new step, to its heading (`tabindex="-1"`: focusable by script, not a tab stop);
 * - after a submit refused beside fields, to the first field marked invalid (WCAG 3.3.1);
 * - on a redraw of the same step (busy, an error in the status line), back to the control that had it.
 */
function show(state: FlowState, ...nodes: Node[]): void {
  const controls = () => [...app.querySelectorAll<HTMLElement>('input, select, button')];
  const hadFocus = controls().indexOf(document.activeElement as HTMLElement);
  const heading = Object.assign(document.createElement('h2'), { tabIndex: -1, textContent: HEADINGS[state.step] });
  app.replaceChildren(heading, ...nodes);
  if (state.step !== shown?.step) {
    if (restored) heading.focus();
  } else if (state.fieldErrors && state.error !== shown.error && !state.busy) {
    app.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  } else if (hadFocus >= 0) {
    controls()[hadFocus]?.focus();
  }
  shown = state;
}

function text(content: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = content;
  return p;
}

function button(label: string, onClick: () => unknown): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', () => void onClick());
  return b;
}

function labelled(label: string, control: HTMLElement, messages: string[] = []): HTMLLabelElement {
  const wrapper = document.createElement('label');
  wrapper.append(
    label,
    control,
    ...messages.map((m) => Object.assign(document.createElement('span'), { className: 'field-error', textContent: m })),
  );
  if (messages.length > 0) control.setAttribute('aria-invalid', 'true');
  return wrapper;
}

function input(
  name: string,
  label: string,
  attributes: Record<string, string | undefined> = {},
  messages: string[] = [],
): HTMLLabelElement {
  const field = document.createElement('input');
  field.name = name;
  field.required = true;
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) field.setAttribute(key, value);
  return labelled(label, field, messages);
}

/** A form whose submit hands the named values to `onSubmit`; the flow turns the outcome into a new state. */
function form(
  submitLabel: string,
  onSubmit: (data: Record<string, string>) => unknown,
  fields: HTMLElement[],
): HTMLFormElement {
  const element = document.createElement('form');
  const submit = Object.assign(document.createElement('button'), { type: 'submit', textContent: submitLabel });
  element.append(...fields, submit);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = Object.fromEntries(
      [...new FormData(element)].map(([key, value]) => [key, typeof value === 'string' ? value : value.name]),
    );
    void onSubmit(data);
  });
  return element;
}
