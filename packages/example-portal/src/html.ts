// Server-side HTML: every interpolated value is escaped unless it is already markup built here.

const replacements: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element body or a quoted attribute value. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (character) => replacements[character] ?? character);
}

/** Markup that is already safe: produced only by {@link html}, never from request input. */
export class SafeHtml {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}

type Interpolation = SafeHtml | string | number | boolean | undefined | null | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/**
 * A template tag: `html\`<p>${name}</p>\`` escapes `name` with {@link escapeHtml}; nested `html`
 * results and arrays of them are inserted as they are. `undefined`, `null` and `false` render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(markup);
}

const style = `
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2433; }
  a.button, button { display: inline-block; padding: 0.5rem 0.9rem; margin: 0.2rem 0.4rem 0.2rem 0; border-radius: 4px;
    border: 1px solid #2456c7; background: #2456c7; color: #fff; text-decoration: none; font-size: 1rem; cursor: pointer; }
  label { display: block; margin-top: 0.6rem; }
  input, select { padding: 0.35rem; font-size: 1rem; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccd; padding: 0.3rem 0.6rem; text-align: left; }
  .error { border-left: 4px solid #c0392b; padding: 0.5rem 1rem; background: #fdf1f0; }
  .hint { color: #555; }
  iframe { width: 100%; height: 24rem; border: 1px solid #ccd; }
`;

/** A whole page around `body`, with the portal's navigation. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Coverlink example portal</title>
<style>${new SafeHtml(style)}</style>
</head>
<body>
<nav><a href="/">Home</a> · <a href="/oneassure">OneAssure</a> · <a href="/helloclaims">Hello Claims</a> · <a href="/osigu">OSIGU</a></nav>
<h1>${title}</h1>
${body}
</body>
</html>
`.toString();
}
