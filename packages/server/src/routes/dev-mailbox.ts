import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.js';
import { API_CSP } from '../security/headers.js';
import { escapeHtml } from '../mail/templates/layout.js';

interface MailboxRow {
  id: string;
  to_address: string;
  template: string;
  lang: string;
  subject: string | null;
  text_body: string | null;
  status: string;
  created_at: Date;
}

/** One mail as the dev mailbox shows it. */
export interface MailboxEntry {
  readonly id: string;
  readonly to: string;
  readonly template: string;
  readonly lang: string;
  readonly subject: string;
  readonly text: string;
  readonly status: string;
  readonly createdAt: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
article{border:1px solid #767676;border-radius:4px;padding:1rem;margin-block:1rem}
h2{font-size:1.1rem;margin:0}pre{white-space:pre-wrap;font-family:inherit}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem}
dt{font-weight:bold}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/**
 * The dev mailbox (outside production, without `SMTP_URL`): every mail the server "sent", newest first, at
 * `GET /api/dev/mailbox` (JSON) and `GET /api/dev/mailbox.html` (a small accessible page), so a newcomer reads
 * the codes without a mail server.
 */
export function registerDevMailbox(app: Hono<AppEnv>, ctx: AppContext): void {
  const list = async (): Promise<MailboxEntry[]> => {
    const { rows } = await ctx.db.query<MailboxRow>(
      `SELECT id, to_address, template, lang, subject, text_body, status, created_at FROM outbox
       ORDER BY created_at DESC, id DESC LIMIT 200`,
    );
    return rows.map((row) => ({
      id: row.id,
      to: row.to_address,
      template: row.template,
      lang: row.lang,
      subject: row.subject ?? '',
      text: row.text_body ?? '',
      status: row.status,
      createdAt: row.created_at.toISOString(),
    }));
  };

  app.get('/api/dev/mailbox', async (c) => c.json({ mails: await list() }));

  app.get('/api/dev/mailbox.html', async (c) => {
    const mails = await list();
    const items = mails
      .map(
        (mail) => `<article aria-labelledby="m-${mail.id}">
<h2 id="m-${mail.id}">${escapeHtml(mail.subject)}</h2>
<dl><dt>Aan</dt><dd>${escapeHtml(mail.to)}</dd><dt>Tijd</dt><dd><time datetime="${mail.createdAt}">${mail.createdAt}</time></dd></dl>
<pre>${escapeHtml(mail.text)}</pre>
</article>`,
      )
      .join('\n');
    const html = `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev-mailbox — Wij Techniek onboarding</title><style>${STYLE}</style></head>
<body><main>
<h1>Dev-mailbox</h1>
<p>Alle e-mails die deze ontwikkelserver verstuurde, de nieuwste bovenaan. Vernieuw de pagina voor nieuwe berichten.</p>
${items || '<p>Nog geen e-mails.</p>'}
</main></body></html>`;
    return c.html(html, 200, {
      'Content-Security-Policy': API_CSP.replace(
        "default-src 'none'",
        `default-src 'none'; style-src 'sha256-${STYLE_HASH}'`,
      ),
    });
  });
}
