// Registers <wt-onboarding> from the element's sources (the `source` export condition) and switches the theme.
// The theme itself is only CSS (theme.css); this script just sets `data-theme` on <html>, remembered in the
// address (`?theme=nl-design-system`) so a reload or a link keeps it.
import '@wij-techniek/onboarding-element/define.js';

const THEMES = ['wij-techniek', 'nl-design-system'] as const;
type Theme = (typeof THEMES)[number];

const isTheme = (value: unknown): value is Theme => THEMES.includes(value as Theme);

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="theme"]')) {
    radio.checked = radio.value === theme;
  }
}

const requested = new URL(location.href).searchParams.get('theme');
apply(isTheme(requested) ? requested : 'wij-techniek');

document.querySelector('.theme-switch')?.addEventListener('change', (event) => {
  const value = (event.target as HTMLInputElement).value;
  if (!isTheme(value)) return;
  apply(value);
  const url = new URL(location.href);
  url.searchParams.set('theme', value);
  history.replaceState(history.state, '', url);
});
