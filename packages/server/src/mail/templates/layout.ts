import type { Language } from '@wij-techniek/onboarding-contract';

/** A rendered mail: subject, plain text and HTML. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Escapes text for HTML; every value put into a mail's HTML goes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** One block of a mail: a paragraph, a code shown large, or a link shown as a button. */
export type Block =
  | { readonly paragraph: string }
  | { readonly code: string }
  | { readonly link: { readonly href: string; readonly label: string } };

const SIGNATURE: Readonly<Record<Language, string>> = {
  nl: 'Met vriendelijke groet,\nWij Techniek',
  en: 'Kind regards,\nWij Techniek',
};

/** Builds the text and HTML of a mail from blocks, so every template looks and reads alike. */
export function layout(lang: Language, subject: string, blocks: readonly Block[]): RenderedMail {
  const text = [
    ...blocks.map((block) =>
      'paragraph' in block ? block.paragraph : 'code' in block ? block.code : `${block.link.label}: ${block.link.href}`,
    ),
    SIGNATURE[lang],
  ].join('\n\n');
  const body = blocks
    .map((block) => {
      if ('paragraph' in block) return `<p>${escapeHtml(block.paragraph)}</p>`;
      if ('code' in block) {
        return `<p style="font-size:28px;font-weight:bold;letter-spacing:4px;font-family:monospace">${escapeHtml(block.code)}</p>`;
      }
      return `<p><a href="${escapeHtml(block.link.href)}">${escapeHtml(block.link.label)}</a></p>`;
    })
    .join('\n');
  const signature = SIGNATURE[lang].split('\n').map(escapeHtml).join('<br>');
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
${body}
<p>${signature}</p>
</body>
</html>`;
  return { subject, text, html };
}
