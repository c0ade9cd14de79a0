/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The path of the pages' only stylesheet; inline styles are not allowed by the pages' CSP. */
export const STYLESHEET_PATH = '/sim/style.css';

/** Wraps a page body in the common Dutch document: language, viewport, stylesheet, simulation banner. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="banner">
<p><strong>Simulatie.</strong> Dit is een nagebootste eHerkenningsmakelaar voor ontwikkeling en tests. Er wordt niemand echt ingelogd; gebruik geen echte gegevens.</p>
</header>
<main id="inhoud">
${body}
</main>
</body>
</html>
`;
}

/** The stylesheet: large targets, visible focus, enough contrast, works in forced-colours mode. */
export const STYLESHEET = `:root { color-scheme: light; font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; background: #fff; }
body { margin: 0; }
.banner { background: #fff4ce; border-block-end: 2px solid #8a6d00; padding: 0.5rem 1rem; }
.banner p { margin: 0; max-inline-size: 45rem; margin-inline: auto; }
main { max-inline-size: 45rem; margin-inline: auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin-block: 1rem 0.5rem; }
fieldset { border: 1px solid #595959; border-radius: 4px; padding: 0.5rem 1rem 1rem; margin-block: 1rem; }
legend { font-weight: 700; padding-inline: 0.25rem; }
.choice { display: flex; gap: 0.75rem; align-items: flex-start; padding-block: 0.5rem; border-block-end: 1px solid #ddd; }
.choice:last-child { border-block-end: 0; }
.choice input { inline-size: 1.5rem; block-size: 1.5rem; margin: 0.15rem 0 0; flex: none; }
.choice label { cursor: pointer; }
.details { display: block; color: #3d3d3d; font-size: 0.95rem; }
.warning { display: block; color: #8a1c1c; font-weight: 600; }
.error { color: #8a1c1c; font-weight: 700; border-inline-start: 4px solid #8a1c1c; padding-inline-start: 0.5rem; }
select { font: inherit; min-block-size: 44px; min-inline-size: 16rem; }
.actions { display: flex; flex-wrap: wrap; gap: 1rem; margin-block-start: 1.5rem; }
button { font: inherit; min-block-size: 44px; min-inline-size: 44px; padding: 0.5rem 1.25rem; border-radius: 4px; border: 2px solid #154273; cursor: pointer; }
button.primary { background: #154273; color: #fff; }
button.secondary { background: #fff; color: #154273; }
:focus-visible { outline: 3px solid #d52b1e; outline-offset: 2px; }
@media (forced-colors: active) { button, fieldset { border: 2px solid ButtonText; } :focus-visible { outline-color: Highlight; } }
`;
