import type { PageLanguage } from './preferred-language'

/** Where the login page's style sheet is served (no inline style or script: the CSP holds). */
export const LOGIN_CSS_PATH = '/login.css'

export type LoginNotice =
  { kind: 'wrong-password' } | { kind: 'rate-limited' | 'busy'; retryAfterSeconds: number }

const TEXT = {
  en: {
    title: 'Log in · Fichier Desk',
    heading: 'Fichier Desk',
    intro: 'This server is protected by a password.',
    password: 'Password',
    submit: 'Log in',
    wrongPassword: 'Wrong password.',
    rateLimited: (s: number) => `Too many attempts. Try again in ${s} s.`,
    busy: (s: number) => `The server is busy checking other logins. Try again in ${s} s.`,
  },
  fr: {
    title: 'Connexion · Fichier Desk',
    heading: 'Fichier Desk',
    intro: 'Ce serveur est protégé par un mot de passe.',
    password: 'Mot de passe',
    submit: 'Se connecter',
    wrongPassword: 'Mot de passe incorrect.',
    rateLimited: (s: number) => `Trop de tentatives. Réessayez dans ${s} s.`,
    busy: (s: number) => `Le serveur vérifie d’autres connexions. Réessayez dans ${s} s.`,
  },
} as const

/** The login page: a plain form posted to /login, in English or French. */
export function loginPageHtml(language: PageLanguage, notice?: LoginNotice): string {
  const t = TEXT[language]
  const message =
    notice?.kind === 'wrong-password'
      ? t.wrongPassword
      : notice?.kind === 'rate-limited'
        ? t.rateLimited(notice.retryAfterSeconds)
        : notice?.kind === 'busy'
          ? t.busy(notice.retryAfterSeconds)
          : null
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="robots" content="noindex" />
    <title>${t.title}</title>
    <link rel="stylesheet" href="${LOGIN_CSS_PATH}" />
  </head>
  <body>
    <main>
      <form method="post" action="/login">
        <h1>${t.heading}</h1>
        <p>${t.intro}</p>
${message ? `        <p class="error" role="alert">${message}</p>\n` : ''}        <input name="username" value="fichier-desk" autocomplete="username" hidden readonly />
        <label for="password">${t.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required autofocus />
        <button type="submit">${t.submit}</button>
      </form>
    </main>
  </body>
</html>
`
}

export const LOGIN_CSS = `:root {
  color-scheme: light dark;
  --bg: #f6f7f9;
  --surface: #ffffff;
  --border: #dde2e8;
  --text: #1c2430;
  --muted: #5f6b7a;
  --accent: #2f6fde;
  --accent-text: #ffffff;
  --danger: #c8372d;
  --danger-soft: #fbe7e5;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171c;
    --surface: #1b1f26;
    --border: #2e3440;
    --text: #e3e7ed;
    --muted: #9aa4b2;
    --accent: #6b9cf5;
    --accent-text: #0d1420;
    --danger: #f07167;
    --danger-soft: #3a2224;
  }
}
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text); }
main { width: min(22rem, calc(100vw - 2rem)); }
form { display: grid; gap: 0.75rem; padding: 1.5rem; background: var(--surface); border: 1px solid var(--border); border-radius: 6px; }
h1 { margin: 0; font-size: 1.25rem; }
p { margin: 0; color: var(--muted); }
.error { color: var(--danger); background: var(--danger-soft); padding: 0.5rem 0.75rem; border-radius: 6px; }
label { font-weight: 600; }
input { font: inherit; padding: 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--text); }
button { font: inherit; padding: 0.5rem; border: 0; border-radius: 6px; background: var(--accent); color: var(--accent-text); cursor: pointer; }
input:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`
